import { matchmakingProfiles } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { mayMeet, participantById } from './participant';
import { matchmakingProfileSchema } from './profile-schema';

/**
 * A confirmed registrant opts in to matchmaking (or updates their sectors and interests): from then
 * on others see them among the people to meet and may ask them.
 */
export async function saveMatchmakingProfile(db: Db, registrationId: string, values: unknown, now = new Date()): Promise<Result> {
  const person = await participantById(db, registrationId);
  if (!person || person.erased || !mayMeet(person.status)) return invalid({ sectors: vmsg('meetingNotConfirmed') });
  const parsed = parseInput(matchmakingProfileSchema, values);
  if (!parsed.ok) return parsed;
  const { sectors, interests } = parsed.value;
  await db
    .insert(matchmakingProfiles)
    .values({ registrationId: person.id, eventId: person.eventId, sectors, interests, optedInAt: now })
    .onConflictDoUpdate({ target: matchmakingProfiles.registrationId, set: { sectors, interests } });
  return ok();
}
