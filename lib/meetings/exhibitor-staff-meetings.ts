import { and, eq, sql } from 'drizzle-orm';
import { exhibitors, meetings, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { notFound, type Result } from '@/lib/errors/result';
import { meetingCalendarFileFor } from './meeting-calendar-file';
import { myMeetings } from './my-meetings';
import { mayMeet, participantById, type Participant } from './participant';
import { requireExhibitorStaff } from '@/lib/exhibition/staff/staff-access';

const NOT_YOURS = 'No such meeting for this exhibitor';

/**
 * Who answers for the exhibitor in meetings: as on the manage link (docs/meetings.md), the
 * registration of the same event whose address is the exhibitor's contact email. Staff act as that
 * registration for the exhibitor's meetings only; null when it has none (or it may not meet).
 */
export async function exhibitorAnswerer(db: Db, actor: Actor | null, exhibitorId: string): Promise<Participant | null> {
  const staffed = await requireExhibitorStaff(db, actor, exhibitorId);
  const [exhibitor] = await db.select({ contactEmail: exhibitors.contactEmail }).from(exhibitors).where(eq(exhibitors.id, staffed.id));
  if (!exhibitor?.contactEmail) return null;
  const [contact] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, staffed.eventId),
        eq(sql`lower(${registrations.email})`, exhibitor.contactEmail.toLowerCase()),
        sql`${registrations.status} in ('confirmed', 'checked_in')`,
      ),
    );
  const person = contact ? await participantById(db, contact.id) : null;
  return person && !person.erased && mayMeet(person.status) ? person : null;
}

/** The exhibitor's meetings (requests about it and its listings, every state) for its staff; the contact person's own meetings are not shown. */
export async function exhibitorMeetings(db: Db, actor: Actor | null, exhibitorId: string) {
  const answerer = await exhibitorAnswerer(db, actor, exhibitorId);
  if (!answerer) return null;
  const [view, ours] = await Promise.all([
    myMeetings(db, answerer),
    db.select({ id: meetings.id }).from(meetings).where(eq(meetings.exhibitorId, exhibitorId)),
  ]);
  const ids = new Set(ours.map((m) => m.id));
  return { answerer, slots: view.slots, meetings: view.meetings.filter((m) => ids.has(m.id)) };
}

/**
 * Runs a meeting step (answer, propose, outcome, block) as the exhibitor's answerer, for one of the
 * exhibitor's own meetings only: a forged id, another exhibitor's meeting or the contact person's
 * private one is "not found" and nothing is written. Refusals of the staff check throw.
 */
export async function asExhibitor<T extends object>(
  db: Db,
  actor: Actor | null,
  exhibitorId: string,
  meetingId: string,
  step: (personId: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  const answerer = await exhibitorAnswerer(db, actor, exhibitorId);
  if (!answerer || !/^[0-9a-f-]{36}$/i.test(meetingId)) return notFound(NOT_YOURS);
  const [meeting] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.exhibitorId, exhibitorId)));
  if (!meeting) return notFound(NOT_YOURS);
  return step(answerer.id);
}

/** One of the exhibitor's accepted (or cancelled) meetings as a calendar file, for its staff. */
export async function exhibitorMeetingCalendar(db: Db, actor: Actor | null, exhibitorId: string, meetingId: string) {
  return asExhibitor(db, actor, exhibitorId, meetingId, async () => {
    const answerer = (await exhibitorAnswerer(db, actor, exhibitorId))!;
    return meetingCalendarFileFor(db, answerer, meetingId);
  });
}
