/**
 * What the server does when it is asked to stop, after the last request has been answered: stop
 * the mail worker, close the database. Kept on globalThis because the server entry (scripts/serve.ts)
 * and the code Next.js bundles (lib/server/boot.ts) are separate bundles.
 */
const KEY = Symbol.for('hybrid-forum.shutdown-hooks');
type Hook = { name: string; run: () => Promise<void> | void };
type Holder = { [KEY]?: Hook[] };

function hooks(): Hook[] {
  const holder = globalThis as Holder;
  holder[KEY] ??= [];
  return holder[KEY];
}

/** Registers what to do at shutdown; a second hook with the same name replaces the first (a repeated boot). */
export function onShutdown(name: string, run: Hook['run']): void {
  const list = hooks();
  const at = list.findIndex((hook) => hook.name === name);
  if (at >= 0) list.splice(at, 1);
  list.push({ name, run });
}

/** Runs the hooks once each, the last registered first; one that fails does not stop the others. */
export async function runShutdownHooks(): Promise<void> {
  const pending = hooks().splice(0).reverse();
  for (const hook of pending) {
    try {
      await hook.run();
    } catch (error) {
      console.error(`[shutdown] ${hook.name} failed:`, error instanceof Error ? error.message : error);
    }
  }
}

/**
 * What ends the moment a stop is asked, before the server waits for requests in flight: responses
 * that never finish by themselves (a live room's event stream). Ending them lets `server.close`
 * finish and sends their browsers to reconnect, through the load balancer, to an instance that stays.
 */
const STOPPING_KEY = Symbol.for('hybrid-forum.stopping-hooks');
type StoppingHolder = { [STOPPING_KEY]?: Set<() => void> };

function stoppingHooks(): Set<() => void> {
  const holder = globalThis as StoppingHolder;
  holder[STOPPING_KEY] ??= new Set();
  return holder[STOPPING_KEY];
}

/** Runs `end` when the server is asked to stop; the answer unregisters it (the response ended first). */
export function whenStopping(end: () => void): () => void {
  const hooks = stoppingHooks();
  hooks.add(end);
  return () => hooks.delete(end);
}

/** Ends every long-lived response now (scripts/serve.ts, on SIGTERM or SIGINT). */
export function runStoppingHooks(): void {
  for (const end of [...stoppingHooks()]) {
    try {
      end();
    } catch (error) {
      console.error('[shutdown] ending a long-lived response failed:', error instanceof Error ? error.message : error);
    }
  }
}
