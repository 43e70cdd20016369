// What other domains do when a registration is cancelled runs through hooks installed by name: each
// runs once, in the order of the names, with the cancelling transaction; a hook installed again under
// its name replaces the first; one taken out runs no more. The hooks live on globalThis, so a second
// copy of the module (Next.js bundles boot and route code apart) sees the same ones.
import { afterEach, expect, it, vi } from 'vitest';
import type { Db } from '@/db/types';
import { offRegistrationCancelled, onRegistrationCancelled, runCancellationHooks } from '@/lib/registration/cancellation-hooks';

const tx = { marker: 'the cancelling transaction' } as unknown as Db;
const now = new Date('2026-12-24T02:00:00Z');
const installed = ['test-b', 'test-a', 'test-c'];
afterEach(() => {
  for (const name of installed) offRegistrationCancelled(name);
});

it('runs every installed hook once, in the order of their names, with the transaction, the registration and the time', async () => {
  const calls: string[] = [];
  onRegistrationCancelled('test-b', async (given, id, at) => {
    expect([given, at]).toEqual([tx, now]);
    calls.push(`b:${id}`);
  });
  onRegistrationCancelled('test-a', async (_tx, id) => void calls.push(`a:${id}`));
  await runCancellationHooks(tx, 'r1', now);
  expect(calls.filter((c) => c.startsWith('a:') || c.startsWith('b:'))).toEqual(['a:r1', 'b:r1']);
});

it('a hook installed again under its name replaces the first; one taken out runs no more', async () => {
  const first = vi.fn(async () => {});
  const second = vi.fn(async () => {});
  const other = vi.fn(async () => {});
  onRegistrationCancelled('test-a', first);
  onRegistrationCancelled('test-a', second);
  onRegistrationCancelled('test-c', other);
  await runCancellationHooks(tx, 'r2', now);
  expect([first.mock.calls.length, second.mock.calls.length, other.mock.calls.length]).toEqual([0, 1, 1]);
  offRegistrationCancelled('test-c');
  await runCancellationHooks(tx, 'r3', now);
  expect([second.mock.calls.length, other.mock.calls.length]).toEqual([2, 1]);
});

it('a second copy of the module sees the hooks the first installed', async () => {
  const hook = vi.fn(async () => {});
  onRegistrationCancelled('test-b', hook);
  vi.resetModules();
  const copy = await import('@/lib/registration/cancellation-hooks');
  await copy.runCancellationHooks(tx, 'r4', now);
  expect(hook).toHaveBeenCalledWith(tx, 'r4', now);
});
