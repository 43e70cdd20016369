/**
 * Runs a transaction again when it could not finish as planned, rolled back whole:
 * - PostgreSQL broke a deadlock by aborting it. Seat locks are taken before registration rows
 *   everywhere a registrant or organiser changes seats, so this is rare (an organiser raising a
 *   session's capacity promotes people under the session's lock alone), but it can happen;
 * - the registration changed between the plan and the locks (RegistrationChangedMeanwhile).
 */
export async function retryingDeadlocks<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !(isDeadlock(error) || error instanceof RegistrationChangedMeanwhile)) throw error;
    }
  }
}

/** The registration was changed or promoted by someone else after its seat locks were planned. */
export class RegistrationChangedMeanwhile extends Error {
  constructor() {
    super('the registration changed while its seats were being locked');
  }
}

function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '40P01') return true;
  }
  return false;
}
