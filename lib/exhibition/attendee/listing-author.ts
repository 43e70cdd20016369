import { eq } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { registrationIdFromManageToken } from '@/lib/registration/manage-token';

/** Why a manage link may not write listings, for the page to say in words. */
export type AuthorRefusal = 'link' | 'waitlisted' | 'pending' | 'cancelled' | 'archived';

export type ListingAuthor = { id: string; eventId: string; locale: string; organisation: string; country: string };

/**
 * The registered attendee a manage link names, as the author of technology listings: the link is
 * the credential (as on the manage page), and only a confirmed or checked-in, not erased
 * registration writes listings, while its event is not archived (the edition is over and its
 * directory closed). Anyone else learns why (waitlisted, pending approval, cancelled, archived).
 */
export async function listingAuthorForToken(
  db: Db,
  token: string,
): Promise<{ ok: true; author: ListingAuthor } | { ok: false; reason: AuthorRefusal }> {
  const id = registrationIdFromManageToken(token);
  if (!id) return { ok: false, reason: 'link' };
  const [row] = await db
    .select({
      id: registrations.id,
      eventId: registrations.eventId,
      locale: registrations.locale,
      organisation: registrations.organisation,
      country: registrations.country,
      status: registrations.status,
      erasedAt: registrations.erasedAt,
      eventStatus: events.status,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.id, id));
  if (!row || row.erasedAt) return { ok: false, reason: 'link' };
  if (row.status === 'waitlisted' || row.status === 'pending' || row.status === 'cancelled') return { ok: false, reason: row.status };
  if (row.eventStatus === 'archived') return { ok: false, reason: 'archived' };
  const { status: _status, erasedAt: _erasedAt, eventStatus: _eventStatus, ...author } = row;
  return { ok: true, author };
}
