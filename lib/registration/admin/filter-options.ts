import { and, asc, eq, ne } from 'drizzle-orm';
import { attendeeCategories, delegations, registrations, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { READERS } from '@/lib/auth/authorize';
import { eventAccess } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { eventQuestions } from '../questions/load';

export type FilterOptions = {
  venues: { slug: string; name: LocalizedText }[];
  countries: string[];
  /** The event's attendee categories, hidden ones too. */
  categories: { id: string; name: LocalizedText }[];
  /** The organisers' questions, retired ones too (their answers stay filterable). */
  questions: { id: string; label: LocalizedText }[];
  /** The event's delegations, by name. */
  delegations: { id: string; name: string }[];
};

/** What the filter menus offer: the event's on-site venues and the countries registrants come from. */
export async function registrationFilterOptions(db: Db, actor: Actor | null, slug: string): Promise<FilterOptions> {
  const { event } = await eventAccess(db, actor, slug, READERS);
  const [venueRows, countryRows, questionRows, categoryRows, delegationRows] = await Promise.all([
    db
      .select({ slug: venues.slug, name: venues.name })
      .from(venues)
      .where(and(eq(venues.eventId, event.id), ne(venues.kind, 'online')))
      .orderBy(asc(venues.position)),
    db
      .selectDistinct({ country: registrations.country })
      .from(registrations)
      .where(eq(registrations.eventId, event.id))
      .orderBy(asc(registrations.country)),
    eventQuestions(db, event.id, { withRetired: true }),
    db
      .select({ id: attendeeCategories.id, name: attendeeCategories.name })
      .from(attendeeCategories)
      .where(eq(attendeeCategories.eventId, event.id))
      .orderBy(asc(attendeeCategories.position), asc(attendeeCategories.createdAt)),
    db
      .select({ id: delegations.id, name: delegations.name })
      .from(delegations)
      .where(eq(delegations.eventId, event.id))
      .orderBy(asc(delegations.name), asc(delegations.id)),
  ]);
  return {
    venues: venueRows,
    countries: countryRows.map((c) => c.country),
    categories: categoryRows,
    delegations: delegationRows,
    questions: questionRows.map((q) => ({ id: q.id, label: q.label })),
  };
}
