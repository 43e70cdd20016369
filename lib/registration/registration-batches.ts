import type { Db } from '@/db/types';
import { log } from '@/lib/observability/log';
import { registrationsTotal } from '@/lib/observability/metrics';
import { recordRegistrations, type PreparedRegistration } from './record-registrations';
import type { RegistrationOutcome } from './result';
import { lockSeats, type SeatLock } from './seats';

/** Registrations written by one transaction at most: bounds the statements sent together and the size of a failed batch. */
const MAX_BATCH = 100;

type Waiting = { registration: PreparedRegistration; resolve: (result: RegistrationOutcome) => void; reject: (error: unknown) => void };

/**
 * Group commit for registrations. Each registration for a session takes that session's row lock, so
 * during a rush every registration waits for the one before it to commit: locks, seats, mail,
 * commit, one after another, a few milliseconds each. Here the registrations for an event that
 * arrive while one transaction is running wait in memory and are then written together by the next
 * transaction, which takes the locks once for all of them. Nobody waits for a timer: the first
 * registration after a quiet spell is written at once, alone.
 *
 * The database locks stay the guard against overselling: other app instances, and other writers in
 * this one (cancellations, organisers), take the same locks. Answers are given only after the commit.
 * When a batch fails, each of its registrations is retried in a transaction of its own, so one bad
 * registration fails alone.
 */
export class RegistrationBatches {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(
    private readonly db: Db,
    private readonly lock: SeatLock = lockSeats,
  ) {}

  submit(registration: PreparedRegistration): Promise<RegistrationOutcome> {
    return new Promise((resolve, reject) => {
      const key = registration.event.id;
      const waiting = { registration, resolve, reject };
      const queue = this.queues.get(key);
      if (queue) {
        queue.push(waiting);
        return;
      }
      this.queues.set(key, [waiting]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length) await this.write(queue.splice(0, MAX_BATCH));
    this.queues.delete(key);
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const results = await this.db.transaction((tx) =>
        recordRegistrations(
          tx,
          this.lock,
          batch.map((w) => w.registration),
        ),
      );
      batch.forEach((waiting, i) => {
        const result = results[i]!;
        // Counted once committed: a batch that rolls back is retried, and counted then.
        if (result.ok) {
          registrationsTotal.inc({ standing: result.registration.status });
          log().info(
            { registrationId: result.registration.id, requestId: waiting.registration.requestId, standing: result.registration.status },
            'registration recorded',
          );
        }
        waiting.resolve(result);
      });
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const waiting of batch) await this.write([waiting]);
    }
  }
}

const BATCHES = Symbol.for('hybrid-forum.registration-batches');

/**
 * The batches of this process for a database handle. Kept on globalThis, like the database itself:
 * the app server's fast path (lib/server/registrations.ts) and Next.js's routes are bundled apart,
 * and registrations from both must wait in the same batches.
 */
export function registrationBatchesFor(db: Db): RegistrationBatches {
  const holder = globalThis as { [BATCHES]?: WeakMap<Db, RegistrationBatches> };
  holder[BATCHES] ??= new WeakMap();
  const made = holder[BATCHES];
  let batches = made.get(db);
  if (!batches) {
    batches = new RegistrationBatches(db);
    made.set(db, batches);
  }
  return batches;
}
