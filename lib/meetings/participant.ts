import { and, eq } from 'drizzle-orm';
import { events, matchmakingProfiles, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { registrationIdFromManageToken } from '@/lib/registration/manage-token';

/** The registration statuses that may take part in matchmaking: confirmed people, at the forum or not yet. */
export const MEETING_STATUSES = ['confirmed', 'checked_in'] as const;

export function mayMeet(status: string): boolean {
  return (MEETING_STATUSES as readonly string[]).includes(status);
}

export type Participant = {
  id: string;
  eventId: string;
  eventSlug: string;
  name: string;
  email: string;
  organisation: string;
  country: string;
  locale: string;
  status: string;
  venueId: string | null;
  erased: boolean;
  profile: { sectors: string[]; interests: string } | null;
};

/** A registration and its matchmaking profile, by id. */
export async function participantById(db: Db, registrationId: string): Promise<Participant | null> {
  const [row] = await db
    .select({
      id: registrations.id,
      eventId: registrations.eventId,
      eventSlug: events.slug,
      name: registrations.name,
      email: registrations.email,
      organisation: registrations.organisation,
      country: registrations.country,
      locale: registrations.locale,
      status: registrations.status,
      venueId: registrations.venueId,
      erasedAt: registrations.erasedAt,
      sectors: matchmakingProfiles.sectors,
      interests: matchmakingProfiles.interests,
      optedInAt: matchmakingProfiles.optedInAt,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(matchmakingProfiles, and(eq(matchmakingProfiles.registrationId, registrations.id)))
    .where(eq(registrations.id, registrationId));
  if (!row) return null;
  const { erasedAt, sectors, interests, optedInAt, ...rest } = row;
  return { ...rest, erased: erasedAt !== null, profile: optedInAt ? { sectors: sectors ?? [], interests: interests ?? '' } : null };
}

/**
 * The person a manage link identifies, as matchmaking sees them: the link is the credential (as on
 * the manage page), and only a confirmed, not erased registration takes part. Null otherwise.
 */
export async function participantForToken(db: Db, token: string): Promise<Participant | null> {
  const id = registrationIdFromManageToken(token);
  if (!id) return null;
  const person = await participantById(db, id);
  return person && !person.erased && mayMeet(person.status) ? person : null;
}
