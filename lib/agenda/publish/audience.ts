import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { registrations, registrationSessions, speakers } from '@/db/schema';
import type { Db } from '@/db/types';
import type { AgendaSession } from '../agenda-session';
import type { PublicAgenda } from '../public-agenda';
import { NOTIFIED, type AgendaChange } from './diff';

type SpeakerRow = typeof speakers.$inferSelect;

/** A registrant who chose at least one changed session: they get one mail listing those changes. */
export type RegistrantNotice = {
  registrationId: string;
  name: string;
  email: string;
  locale: string;
  mode: 'in_person' | 'online';
  venueId: string | null;
  sessionIds: string[];
};

/** A speaker (with an address) of a changed session in either version: one mail with their changed sessions. */
export type SpeakerNotice = { speaker: SpeakerRow & { email: string }; sessionIds: string[] };

/** Who publishing these changes mails, each once, in a stable order (by id). */
export type ScheduleAudience = { changes: AgendaChange[]; registrants: RegistrantNotice[]; speakers: SpeakerNotice[] };

/**
 * The people a publication mails: registrants who chose a moved, cancelled or re-roomed session, and
 * the speakers of such a session in the published or the new version (a speaker taken off a session
 * still hears it changed). The publish preview and the publication itself both ask this, so the
 * organiser is shown exactly who will be mailed.
 */
export async function scheduleAudience(
  db: Db,
  agenda: PublicAgenda,
  previous: AgendaSession[],
  changes: AgendaChange[],
): Promise<ScheduleAudience> {
  const relevant = changes.filter((c) => NOTIFIED.includes(c.kind));
  if (relevant.length === 0) return { changes: relevant, registrants: [], speakers: [] };
  const changed = relevant.map((c) => c.sessionId);

  const seats = await db
    .select({
      registrationId: registrationSessions.registrationId,
      sessionId: registrationSessions.sessionId,
      name: registrations.name,
      email: registrations.email,
      locale: registrations.locale,
      mode: registrations.mode,
      venueId: registrations.venueId,
    })
    .from(registrationSessions)
    .innerJoin(registrations, eq(registrationSessions.registrationId, registrations.id))
    .where(and(inArray(registrationSessions.sessionId, changed), ne(registrations.status, 'cancelled')));
  const byRegistration = new Map<string, RegistrantNotice>();
  for (const { sessionId, ...seat } of seats) {
    const notice = byRegistration.get(seat.registrationId) ?? { ...seat, sessionIds: [] };
    notice.sessionIds.push(sessionId);
    byRegistration.set(seat.registrationId, notice);
  }
  // Each notice lists its sessions in the order of the changes (session start order).
  const order = new Map(changed.map((id, i) => [id, i]));
  const registrants = [...byRegistration.values()]
    .map((n) => ({ ...n, sessionIds: n.sessionIds.sort((a, b) => order.get(a)! - order.get(b)!) }))
    .sort((a, b) => a.registrationId.localeCompare(b.registrationId));

  const speakerSessions = new Map<string, Set<string>>();
  for (const change of relevant) {
    const roles = [
      ...(previous.find((s) => s.id === change.sessionId)?.speakers ?? []),
      ...(agenda.sessions.find((s) => s.id === change.sessionId)?.speakers ?? []),
    ];
    for (const role of roles) speakerSessions.set(role.speakerId, (speakerSessions.get(role.speakerId) ?? new Set()).add(change.sessionId));
  }
  const people = speakerSessions.size
    ? await db
        .select()
        .from(speakers)
        .where(and(inArray(speakers.id, [...speakerSessions.keys()]), sql`${speakers.email} IS NOT NULL`))
    : [];
  const speakerNotices = people
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((person) => ({
      speaker: person as SpeakerRow & { email: string },
      sessionIds: changed.filter((id) => speakerSessions.get(person.id)!.has(id)),
    }));
  return { changes: relevant, registrants, speakers: speakerNotices };
}
