import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/types';
import { notify, subscribe, type Unsubscribe } from '@/lib/database/notify-hub';
import { getDb } from '@/lib/database/process-database';
import { log } from '@/lib/observability/log';

/**
 * Tells the other app instances that an event's public programme changed (a publish, or an edit to a
 * venue, room or speaker it shows), over PostgreSQL LISTEN/NOTIFY (lib/database/notify-hub.ts), so
 * they drop and re-render their copies of it (lib/server/published-pages.ts) at once instead of when
 * those expire. The instance that made the change gets it too, and renders its dropped copies anew
 * at once instead of at the next visit. The payload names the sending instance (for the logs).
 */
export const PROGRAMME_CHANNEL = 'programme_changed';

const INSTANCE = Symbol.for('hybrid-forum.instance-id');

/** This process's id among the app instances (random, per process). */
export function instanceId(): string {
  const holder = globalThis as { [INSTANCE]?: string };
  holder[INSTANCE] ??= randomUUID();
  return holder[INSTANCE];
}

type Change = { from: string; slug: string | null };

/** Announces a change to one event's programme, or to every event's when no slug is given. */
export async function announceProgrammeChange(eventSlug?: string, from = instanceId()): Promise<void> {
  const change: Change = { from, slug: eventSlug ?? null };
  await notify(await getDb(), PROGRAMME_CHANNEL, JSON.stringify(change));
}

/** The same announcement inside a transaction: delivered when it commits, never if it rolls back. */
export async function announceProgrammeChangeIn(tx: Db, eventSlug: string, from = instanceId()): Promise<void> {
  const change: Change = { from, slug: eventSlug };
  await notify(tx, PROGRAMME_CHANNEL, JSON.stringify(change));
}

/**
 * Runs `onChange(slug, from)` for every change any instance announces, this one included (`undefined`:
 * every event; `from`: the announcing instance), and for every event when announcements may have been
 * missed (the listening connection came back; `from` is null).
 */
export function followProgrammeChanges(onChange: (eventSlug: string | undefined, from: string | null) => void): Unsubscribe {
  return subscribe(PROGRAMME_CHANNEL, (payload) => {
    if (payload === null) return onChange(undefined, null);
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      log().warn({ payload }, 'programme change: unreadable notification');
      return;
    }
    onChange(typeof change.slug === 'string' ? change.slug : undefined, typeof change.from === 'string' ? change.from : null);
  });
}
