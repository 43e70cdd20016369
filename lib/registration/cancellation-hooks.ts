import type { Db } from '@/db/types';

/** Work another domain does, in the cancellation's transaction, when a registration is cancelled. */
export type CancellationHook = (tx: Db, registrationId: string, now: Date) => Promise<unknown>;

// On globalThis: Next.js bundles the boot code (which installs the hooks) apart from the route code
// (which cancels), and each bundle has its own copy of this module.
const KEY = Symbol.for('hybrid-forum.cancellation-hooks');
type Holder = typeof globalThis & { [KEY]?: Map<string, CancellationHook> };

function hooks(): Map<string, CancellationHook> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * Installs, under a name, what a domain built on registrations does when one is cancelled (its
 * meetings: lib/meetings/cancel-registration-meetings.ts). lib/registration cannot import those
 * domains, so they are installed at start-up: lib/server/boot.ts, and the test database helper.
 */
export function onRegistrationCancelled(name: string, hook: CancellationHook): void {
  hooks().set(name, hook);
}

/** Takes a hook out again (tests that install one of their own). */
export function offRegistrationCancelled(name: string): void {
  hooks().delete(name);
}

/** Runs every installed hook, in the order of their names, inside the cancelling transaction. */
export async function runCancellationHooks(tx: Db, registrationId: string, now: Date): Promise<void> {
  for (const [, hook] of [...hooks()].sort(([a], [b]) => a.localeCompare(b))) await hook(tx, registrationId, now);
}
