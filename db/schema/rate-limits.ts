import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Rate-limit and sign-in throttle counters, one row per key (e.g. "signin:account:<email>"). Kept in
 * the database rather than in each process, so every app instance sees the same counts.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  /** Hits in the current window, or failures in a row for the sign-in throttle. */
  count: integer('count').notNull(),
  /** When the window began, or when the last counted failure happened. */
  since: timestamp('since', { withTimezone: true, mode: 'date' }).notNull(),
  /** The attempt that last changed the row: tells the caller whether its own attempt was counted. */
  lastAttempt: uuid('last_attempt').notNull(),
});
