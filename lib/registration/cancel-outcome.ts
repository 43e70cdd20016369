import type { RegistrationView } from './result';

export type CancelOutcome = { seats: number; waitlisted: boolean };

/**
 * What cancelling a registration gave up, read from it just before: the seats it held (the venue's
 * and each session's) and whether it was waiting in any line. The manage page says this, not a
 * general "your seats went to the next people on the waitlist" that is often untrue.
 */
export function cancelOutcome(before: RegistrationView): CancelOutcome {
  const venueSeat = before.mode === 'in_person' && (before.status === 'confirmed' || before.status === 'checked_in') ? 1 : 0;
  const sessionSeats = before.sessions.filter((s) => s.status === 'confirmed').length;
  const waitlisted = before.status === 'waitlisted' || before.sessions.some((s) => s.status === 'waitlisted');
  return { seats: venueSeat + sessionSeats, waitlisted };
}
