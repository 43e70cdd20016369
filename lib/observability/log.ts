import pino from 'pino';

const KEY = Symbol.for('hybrid-forum.log');

/**
 * The app's structured log: one JSON object a line on stdout, for a log shipper to read. One logger
 * per process (kept on globalThis: the server and Next.js's route code are bundled apart). LOG_LEVEL
 * tunes it (default info; "silent" turns it off).
 */
export function log(): pino.Logger {
  const holder = globalThis as { [KEY]?: pino.Logger };
  holder[KEY] ??= pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'hybrid-forum' } });
  return holder[KEY];
}
