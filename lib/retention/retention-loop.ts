import type { Db } from '@/db/types';
import { runRetention } from './retention';

const HOUR_MS = 3_600_000;

/**
 * Erases due attendee data once soon after start and then every hour, in whichever process runs
 * background work (the app with its in-app worker, or `npm run worker`). Several processes may run
 * it at once: erased rows are skipped and batches lock their rows.
 */
export function startRetentionLoop(db: Db, every = HOUR_MS): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runRetention(db)
      .then((count) => {
        if (count > 0) console.log(`[retention] erased the personal data of ${count} registrations`);
      })
      .catch((error) => console.error('[retention] run failed:', error instanceof Error ? error.message : error));
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, every);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
