import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { ownCalendarFeedUrl } from './calendar-token';
import { linkSpeakerRecords } from './link-account';
import { ownSpeakerRecords, type SpeakerRecord } from './own-records';
import { speakerSchedule, type SpeakerSession } from './schedule';

export type SpeakerPortal = { records: SpeakerRecord[]; schedule: SpeakerSession[]; feedUrl: string | null };

/** Everything /speaker shows for the signed-in user, linking their speaker records on the way. */
export async function loadSpeakerPortal(db: Db, actor: Actor): Promise<SpeakerPortal> {
  await linkSpeakerRecords(db, actor);
  const records = await ownSpeakerRecords(db, actor);
  const [schedule, feedUrl] = await Promise.all([
    speakerSchedule(
      db,
      records.map((r) => r.id),
    ),
    records.length ? ownCalendarFeedUrl(db, actor) : null,
  ]);
  return { records, schedule, feedUrl };
}
