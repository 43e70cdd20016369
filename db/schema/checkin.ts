import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events, sessions } from './agenda';
import { registrations } from './registration';

/**
 * One row per scan a desk sent with its own key (a page that queued scans while offline sends each
 * once more when the network returns): the unique key makes a resent scan a no-op, so a person is
 * never counted twice.
 */
export const checkInScans = pgTable(
  'check_in_scans',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    scanKey: text('scan_key').notNull(),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    scannedBy: uuid('scanned_by').notNull(),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('check_in_scans_key_uq').on(t.eventId, t.scanKey)],
);

/** Who came through a session's door: one row per person and session, whatever the number of scans. */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull().default(sql`now()`),
    scannedBy: uuid('scanned_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.registrationId] }), index('session_attendance_registration_idx').on(t.registrationId)],
);
