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
