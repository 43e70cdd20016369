import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { events } from './agenda';
import { registrations } from './registration';

/**
 * A registrant's request for a visa invitation letter. The passport details are one sealed value
 * (AES-256-GCM with PASSPORT_KEY, lib/visa/passport-crypto.ts): the column never holds them in
 * plain text. The reference number is given at issue, one sequence per event.
 */
export const visaLetters = pgTable(
  'visa_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    passportSealed: text('passport_sealed').notNull(),
    status: text('status').notNull().default('requested'),
    referenceNumber: integer('reference_number'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
  },
  (t) => [
    uniqueIndex('visa_letters_registration_uq').on(t.registrationId),
    uniqueIndex('visa_letters_event_reference_uq').on(t.eventId, t.referenceNumber),
    check('visa_letters_status_ck', sql`${t.status} in ('requested', 'issued', 'refused')`),
  ],
);
