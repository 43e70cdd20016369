/**
 * Runs a transaction again when PostgreSQL broke a deadlock by aborting it. Freeing a seat updates
 * the registration of whoever is promoted, while that person may be changing their own registration:
 * they hold their row and wait for the seat locks this transaction holds. The database notices the
 * cycle and aborts one side; rolled back whole, it can simply run again.
 */
export async function retryingDeadlocks<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
    }
  }
}

function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '40P01') return true;
  }
  return false;
}
