// Forcing the seat race instead of hoping for it: transactions that have read the seats wait at a
// gate until all of them have read (or a short while has passed), and only then write. With the seat
// lock only one transaction at a time can be past the read, so the gate holds each one alone for its
// timeout; without it, on PostgreSQL, every transaction reads the same counts and waitlist tails
// before any writes, which is exactly the race the lock exists to prevent.
import type { RegistrationOutcome } from '@/lib/registration/result';
import { readSeatsWithoutLocking, type SeatLock } from '@/lib/registration/seats';
import { violatedConstraint } from '@/lib/admin/db-errors';
import { usingPostgres } from './db';

export type SeatGate = {
  lock: SeatLock;
  /** The most transactions that were past the seat read at the same time. */
  mostAtOnce: () => number;
};

/**
 * How long a caller past the read waits alone. A locked read lets one caller at a time through, so
 * the wait must be short (each caller sits it out alone); an unlocked read lets every caller through,
 * on PostgreSQL, so the wait must outlast the slowest of them reaching the read on a loaded machine: with a short one
 * the first writes before the last has read, the race does not happen, and a negative control fails
 * for the machine's speed, not the code's. (PGlite runs one transaction at a time: there every read
 * is alone, locked or not.)
 */
export const WAIT_ALONE_LOCKED_MS = 150;
export const WAIT_FOR_ALL_UNLOCKED_MS = 15_000;

/**
 * Wraps a read so that up to `expected` callers meet after reading (or wait `aloneMs` alone): the
 * writes that follow then race, which is what a lock must survive. `mostAtOnce` says how many met.
 */
export function meetingGate<Args extends unknown[], Row>(
  read: (...args: Args) => Promise<Row>,
  expected: number,
  aloneMs = WAIT_ALONE_LOCKED_MS,
) {
  let arrived = 0;
  let past = 0;
  let most = 0;
  let open!: () => void;
  const everyoneRead = new Promise<void>((resolve) => (open = resolve));
  const gated = async (...args: Args): Promise<Row> => {
    const row = await read(...args);
    arrived += 1;
    past += 1;
    most = Math.max(most, past);
    if (arrived >= expected) open();
    await Promise.race([everyoneRead, new Promise((resolve) => setTimeout(resolve, aloneMs))]);
    past -= 1;
    return row;
  };
  return { read: gated, mostAtOnce: () => most };
}

/** Wraps a seat lock (or the unlocked read) so that up to `expected` transactions meet after reading. */
export function seatGate(
  read: SeatLock,
  expected: number,
  aloneMs = read === readSeatsWithoutLocking && usingPostgres ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS,
): SeatGate {
  const gate = meetingGate(read, expected, aloneMs);
  return { lock: gate.read, mostAtOnce: gate.mostAtOnce };
}

/** How each request ended: ok or its failure's code, or the constraint (or message) it failed on. */
export function outcomes(settled: PromiseSettledResult<RegistrationOutcome>[]): string[] {
  return settled.map((s) =>
    s.status === 'fulfilled' ? (s.value.ok ? 'ok' : s.value.code) : (violatedConstraint(s.reason) ?? String((s.reason as Error)?.message)),
  );
}
