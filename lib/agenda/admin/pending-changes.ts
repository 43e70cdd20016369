import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import type { AgendaSession } from '../agenda-session';
import { NOTIFIED, type AgendaChange } from '../publish/diff';
import type { PublicationPlan } from '../publish/publish';

type Before = { was: string; now: string };

/** One change of the publish preview as the organiser reads it: what was and what will be. */
export type PendingChange = {
  kind: AgendaChange['kind'];
  sessionId: string;
  title: string;
  /** "Thu 24 Dec 2026 · 10:30–11:15 Nanning, GMT+8", each in its venue's zone. */
  time: Before | null;
  /** "Plenary Hall A, Nanning International…". */
  room: Before | null;
  /** Status keys (scheduled / changed / cancelled / none) for the page to word. */
  status: { was: string; now: string } | null;
  /** Whether this change is mailed, and to how many registrants and speakers. */
  mailed: boolean;
  registrants: number;
  speakers: number;
};

/**
 * The publish preview's lines, from the same plan (the same diff and audience) publishing follows:
 * for each change, the old and new time, room and status where they differ.
 */
export function pendingChanges(plan: PublicationPlan, locale: Locale): PendingChange[] {
  const { working, previous, changes, audience } = plan;
  const venueById = new Map(working.venues.map((v) => [v.id, v]));
  const roomById = new Map(working.rooms.map((r) => [r.id, r]));
  const before = new Map(previous.map((s) => [s.id, s]));
  const after = new Map(working.sessions.map((s) => [s.id, s]));
  const time = (s: AgendaSession) => {
    const venue = venueById.get(s.venueId);
    return venue
      ? formatSpan(s.startsAt, s.endsAt, venue.timeZone, pick(venue.city, locale), locale)
      : formatSpan(s.startsAt, s.endsAt, working.event.timeZone, working.event.timeZone, locale);
  };
  const place = (s: AgendaSession) =>
    [s.roomId ? pick(roomById.get(s.roomId)?.name, locale) : null, pick(venueById.get(s.venueId)?.name, locale)].filter(Boolean).join(', ');
  return changes.map((change) => {
    const was = before.get(change.sessionId);
    const now = after.get(change.sessionId);
    const differs = (f: (s: AgendaSession) => string) => (was && now && f(was) !== f(now) ? { was: f(was), now: f(now) } : null);
    const mailed = NOTIFIED.includes(change.kind);
    return {
      kind: change.kind,
      sessionId: change.sessionId,
      title: pick((now ?? was)?.title, locale) || change.sessionId,
      time: differs(time) ?? (now && !was ? { was: '', now: time(now) } : was && !now ? { was: time(was), now: '' } : null),
      room: differs(place),
      status: (was?.status ?? 'none') !== (now?.status ?? 'none') ? { was: was?.status ?? 'none', now: now?.status ?? 'none' } : null,
      mailed,
      registrants: mailed ? audience.registrants.filter((r) => r.sessionIds.includes(change.sessionId)).length : 0,
      speakers: mailed ? audience.speakers.filter((s) => s.sessionIds.includes(change.sessionId)).length : 0,
    };
  });
}
