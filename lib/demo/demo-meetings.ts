import { meetingSlots } from '../../db/schema';
import type { Db } from '../../db/types';
import { addDays, zonedToUtc } from '../time/zones';

/**
 * The demo's 1:1 meeting times: the afternoon of the first two days at Nanning and Bangkok, on each
 * venue's own clock, half an hour each, with a pool of tables (the matchmaking hall's and the
 * branch's smaller room), and two online times. Participants join matchmaking from their manage link and ask for these.
 */
const DEMO_SLOTS = [
  { venue: 'nanning', tables: 12, times: ['14:00', '14:30', '15:00', '15:30'] },
  { venue: 'bangkok', tables: 4, times: ['14:00', '14:30'] },
  // Online meetings only (no tables are used there), for online participants and pairs at two venues.
  { venue: 'online', tables: 1, times: ['16:00', '16:30'] },
] as const;

export async function seedDemoMeetingSlots(
  tx: Db,
  eventId: string,
  venueIds: Map<string, string>,
  venueZones: Map<string, string>,
  firstDay: string,
) {
  for (const day of [0, 1])
    for (const { venue, tables, times } of DEMO_SLOTS) {
      const venueId = venueIds.get(venue);
      const zone = venueZones.get(venue);
      if (!venueId || !zone) continue;
      const date = addDays(firstDay, day);
      for (const start of times) {
        const startsAt = zonedToUtc(date, start, zone);
        await tx.insert(meetingSlots).values({
          eventId,
          venueId,
          // Language-neutral: a label is content, shown as typed on pages in every language.
          label: `D${day + 1} ${start}`,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          tables,
        });
      }
    }
}
