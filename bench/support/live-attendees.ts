import type { Db } from '@/db/types';
import { STREAMS_PER_ATTENDEE } from '@/lib/live/stream-places';
import { registerAttendee } from '@/lib/registration/register';
import { EVENT, person } from '../../tests/helpers/registration';

/**
 * Online attendees of one session, enough for `streams` open event streams: an instance lets one
 * attendee hold STREAMS_PER_ATTENDEE streams of a session, so the live benches spread theirs over
 * this many registrations (stream i belongs to attendee i mod length).
 */
export async function liveAttendees(db: Db, sessionId: string, streams: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < Math.ceil(streams / STREAMS_PER_ATTENDEE); i++) {
    const result = await registerAttendee(db, EVENT, person(`${tag}-${i}`, { mode: 'online', venue: undefined, sessions: [sessionId] }));
    if (!result.ok) throw new Error(`registration ${i}: ${JSON.stringify(result)}`);
    ids.push(result.registration.id);
  }
  return ids;
}
