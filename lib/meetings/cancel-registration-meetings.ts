import { and, eq, inArray, or } from 'drizzle-orm';
import { meetings } from '@/db/schema';
import type { Db } from '@/db/types';
import { onRegistrationCancelled } from '@/lib/registration/cancellation-hooks';
import { endMeeting } from './end-meeting';
import { participantById } from './participant';
import { lockOverlapping, lockSlot } from './slot-lock';

/**
 * Cancels every pending or accepted meeting of a registration that is being cancelled, inside the
 * cancellation's transaction: both people are told that it ends with the registration, not that
 * someone cancelled it (their calendars drop an accepted one), the
 * tables and both people's times are freed, and the reminders taken back. The slots are locked
 * first, all in one ordered pass, as every meeting writer locks them.
 */
export async function cancelMeetingsOfRegistration(tx: Db, registrationId: string, now: Date): Promise<number> {
  const live = () =>
    tx
      .select()
      .from(meetings)
      .where(
        and(
          or(eq(meetings.requesterId, registrationId), eq(meetings.inviteeId, registrationId)),
          inArray(meetings.status, ['pending', 'accepted']),
        ),
      )
      .orderBy(meetings.id);
  const seen = await live();
  if (seen.length === 0) return 0;
  await lockOverlapping(tx, [...new Set(seen.map((m) => m.slotId))]);
  // Read again under the locks: a meeting answered or cancelled meanwhile is taken as it now is.
  let cancelled = 0;
  for (const meeting of await live()) {
    const slot = await lockSlot(tx, meeting.slotId);
    if (!slot) continue;
    const [requester, invitee] = await Promise.all([participantById(tx, meeting.requesterId), participantById(tx, meeting.inviteeId)]);
    if (await endMeeting(tx, meeting, slot, 'withdraw', registrationId, { requester, invitee }, now)) cancelled += 1;
  }
  return cancelled;
}

/** Makes every registration cancellation cancel the person's meetings (lib/server/boot.ts, the test helper). */
export function installMeetingCancellation(): void {
  onRegistrationCancelled('meetings', cancelMeetingsOfRegistration);
}
