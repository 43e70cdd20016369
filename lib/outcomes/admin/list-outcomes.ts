import { and, asc, desc, eq } from 'drizzle-orm';
import { exhibitors, listings, outcomes, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { eventAccess, organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { meetingFigures } from '../figures';
import type { OutcomeFormValues } from '../outcome-schema';

/** Who may read the registry: its organisers, and the event's viewers (who read the reports too). */
export const OUTCOME_READERS = ['organiser', 'viewer'] as const;

/** An event's outcomes, newest signing first, with the meetings figures; `canEdit` for organisers. */
export async function listOutcomes(db: Db, actor: Actor | null, slug: string) {
  const access = await eventAccess(db, actor, slug, [...OUTCOME_READERS]);
  const rows = await db
    .select({
      id: outcomes.id,
      kind: outcomes.kind,
      title: outcomes.title,
      parties: outcomes.parties,
      sector: outcomes.sector,
      signedOn: outcomes.signedOn,
      public: outcomes.public,
      listingTitle: listings.title,
      session: { slug: sessions.slug, title: sessions.title },
    })
    .from(outcomes)
    .leftJoin(sessions, eq(sessions.id, outcomes.sessionId))
    .leftJoin(listings, eq(listings.id, outcomes.listingId))
    .where(eq(outcomes.eventId, access.event.id))
    .orderBy(desc(outcomes.signedOn), asc(outcomes.createdAt));
  return {
    event: access.event,
    canEdit: access.roles.includes('organiser'),
    outcomes: rows.map((r) => ({ ...r, session: r.session?.slug ? r.session : null })),
    meetings: await meetingFigures(db, access.event.id),
  };
}

export type OutcomeChoices = {
  sessions: {
    id: string;
    title: typeof sessions.$inferSelect.title;
    kind: string;
    startsAt: Date;
    timeZone: string;
    city: typeof venues.$inferSelect.city;
  }[];
  listings: { id: string; title: typeof listings.$inferSelect.title; exhibitorName: typeof exhibitors.$inferSelect.name }[];
};

/** The sessions (signing ceremonies first) and listings an outcome may point to: this event's. */
async function choices(db: Db, eventId: string): Promise<OutcomeChoices> {
  const sessionRows = await db
    .select({
      id: sessions.id,
      title: sessions.title,
      kind: sessions.kind,
      startsAt: sessions.startsAt,
      timeZone: venues.timeZone,
      city: venues.city,
    })
    .from(sessions)
    .innerJoin(venues, eq(venues.id, sessions.venueId))
    .where(eq(sessions.eventId, eventId))
    .orderBy(asc(sessions.startsAt));
  const listingRows = await db
    .select({ id: listings.id, title: listings.title, exhibitorName: exhibitors.name })
    .from(listings)
    .innerJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .where(eq(listings.eventId, eventId))
    .orderBy(asc(listings.createdAt));
  const signingFirst = [...sessionRows.filter((s) => s.kind === 'signing'), ...sessionRows.filter((s) => s.kind !== 'signing')];
  return { sessions: signingFirst, listings: listingRows };
}

export const emptyOutcomeValues: OutcomeFormValues = {
  kind: 'mou',
  title: localizedFormValues(null),
  parties: [
    { name: '', country: '' },
    { name: '', country: '' },
  ],
  sector: '' as never,
  signedOn: '',
  sessionId: '',
  listingId: '',
  public: false,
};

/** The "new outcome" page: empty values and the choices, for organisers. */
export async function newOutcomeDefaults(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  return { event, values: emptyOutcomeValues, ...(await choices(db, event.id)) };
}

/** One outcome of the event for its edit page, or null when it is not this event's. */
export async function outcomeForEdit(db: Db, actor: Actor | null, slug: string, outcomeId: string) {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.id, outcomeId), eq(outcomes.eventId, event.id)));
  if (!row) return { event, outcome: null };
  const values: OutcomeFormValues = {
    kind: row.kind,
    title: localizedFormValues(row.title),
    parties: row.parties.map((p) => ({ name: p.name, country: p.country })),
    sector: row.sector,
    signedOn: row.signedOn,
    sessionId: row.sessionId ?? '',
    listingId: row.listingId ?? '',
    public: row.public,
  };
  return { event, outcome: { id: row.id, title: row.title, public: row.public }, values, ...(await choices(db, event.id)) };
}
