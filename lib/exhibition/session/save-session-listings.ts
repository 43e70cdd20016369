import { and, eq, inArray } from 'drizzle-orm';
import { listings, registrations, exhibitors, sessionListings, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Saved } from '@/lib/admin/saved';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { authorIsPublic } from '../public-listings';
import { PRESENTING_KINDS, sessionListingsSchema } from './session-listings-schema';

/**
 * An organiser sets the listings a promotion or matchmaking session presents, in order: only
 * published listings of the session's own event with a public author (any other id, of another
 * event or not published, refuses the whole choice). The list replaces the previous one.
 */
export async function saveSessionListings(db: Db, actor: Actor | null, slug: string, sessionId: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(sessionListingsSchema, values);
  if (!parsed.ok) return parsed;
  const ids = parsed.value.listingIds;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [session] = await tx
      .select({ id: sessions.id, kind: sessions.kind, slug: sessions.slug, title: sessions.title })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)))
      .for('update');
    if (!session) return notFound('No such session in this event');
    if (ids.length > 0 && !(PRESENTING_KINDS as readonly string[]).includes(session.kind))
      return invalid({ listingIds: vmsg('sessionListingKind') });
    const found =
      ids.length === 0
        ? []
        : await tx
            .select({ id: listings.id })
            .from(listings)
            .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
            .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
            .where(and(inArray(listings.id, ids), eq(listings.eventId, event.id), eq(listings.status, 'published'), authorIsPublic));
    if (found.length !== ids.length) return invalid({ listingIds: vmsg('sessionListing') });
    await tx.delete(sessionListings).where(eq(sessionListings.sessionId, session.id));
    if (ids.length > 0)
      await tx.insert(sessionListings).values(ids.map((listingId, position) => ({ sessionId: session.id, listingId, position })));
    await audit({
      action: 'session.listings',
      entity: 'session',
      entityId: session.id,
      details: { slug: session.slug, title: session.title.en, listings: ids },
    });
    return ok({ id: session.id });
  });
}
