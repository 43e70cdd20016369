import type { LocalizedText } from '@/db/schema';
import { TRAVEL_HOURS } from '@/lib/time/travel';
import type { SpeakerSession } from './schedule';

/** Another of the speaker's own sessions that this one collides with: at the same time, or too far to travel between. */
export type OwnClash = { kind: 'overlap'; other: LocalizedText } | { kind: 'travel'; other: LocalizedText; hours: number };

const venueKey = (s: SpeakerSession) => `${s.venue.name.en}|${s.venue.city.en}|${s.venue.timeZone}`;

/**
 * The speaker's sessions that collide with another of theirs, by session id, so the portal can say
 * so beside each: organisers see these in the agenda list, and the speaker should too.
 */
export function ownClashes(schedule: SpeakerSession[]): Map<string, OwnClash[]> {
  const active = schedule.filter((s) => s.status !== 'cancelled');
  const found = new Map<string, OwnClash[]>();
  const add = (id: string, clash: OwnClash) => found.set(id, [...(found.get(id) ?? []), clash]);
  for (const [i, a] of active.entries()) {
    for (const b of active.slice(i + 1)) {
      if (a.sessionId === b.sessionId) continue;
      if (a.startsAt < b.endsAt && b.startsAt < a.endsAt) {
        add(a.sessionId, { kind: 'overlap', other: b.title });
        add(b.sessionId, { kind: 'overlap', other: a.title });
        continue;
      }
      const onSite = a.presence === 'onsite' && b.presence === 'onsite' && a.venue.kind !== 'online' && b.venue.kind !== 'online';
      if (!onSite || venueKey(a) === venueKey(b)) continue;
      const gapHours = Math.max(a.startsAt.getTime() - b.endsAt.getTime(), b.startsAt.getTime() - a.endsAt.getTime()) / 3_600_000;
      if (gapHours >= TRAVEL_HOURS) continue;
      const hours = Math.round(gapHours * 10) / 10;
      add(a.sessionId, { kind: 'travel', other: b.title, hours });
      add(b.sessionId, { kind: 'travel', other: a.title, hours });
    }
  }
  return found;
}
