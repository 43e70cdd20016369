import { and, asc, eq } from 'drizzle-orm';
import { exhibitors, listings, registrations, sessionListings, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { authorIsPublic, publicListingColumns } from '../public-listings';
import { PRESENTING_KINDS } from './session-listings-schema';

/**
 * The listings a session presents, in order, as the public reads them: read live (not from the
 * published agenda's version), so a listing withdrawn or taken down disappears at once.
 */
export async function presentedListings(db: Db, sessionId: string) {
  return db
    .select(publicListingColumns)
    .from(sessionListings)
    .innerJoin(listings, eq(listings.id, sessionListings.listingId))
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(and(eq(sessionListings.sessionId, sessionId), eq(listings.status, 'published'), authorIsPublic))
    .orderBy(asc(sessionListings.position));
}

/**
 * The session editor's listing picker, for organisers: the event's published listings to choose
 * from and the ids the session presents now, in order. Null for a session that presents none by kind.
 */
export async function sessionListingChoices(db: Db, actor: Actor | null, slug: string, sessionId: string) {
  const event = await organiserEvent(db, actor, slug);
  const [session] = await db
    .select({ kind: sessions.kind })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)));
  if (!session || !(PRESENTING_KINDS as readonly string[]).includes(session.kind)) return null;
  const choices = await db
    .select(publicListingColumns)
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(and(eq(listings.eventId, event.id), eq(listings.status, 'published'), authorIsPublic))
    .orderBy(asc(listings.createdAt), asc(listings.id));
  const chosen = (
    await db
      .select({ id: sessionListings.listingId })
      .from(sessionListings)
      .where(eq(sessionListings.sessionId, sessionId))
      .orderBy(asc(sessionListings.position))
  ).map((r) => r.id);
  return { choices, chosen };
}
