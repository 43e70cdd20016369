import { check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { events, type LocalizedText } from './agenda';
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

/** How a badge is laid out (lib/badges/badge-pdf.ts): the organiser picks one per event. */
export const BADGE_LAYOUTS = ['standard', 'large-name', 'compact'] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];

/**
 * An event's document settings: the invitation letter's body per language (null: the built-in
 * wording), its letterhead and signature images, the badge layout and the logo on badges. Images
 * are PNG or JPEG data URLs, checked by their bytes and size when uploaded (lib/documents).
 */
export const documentSettings = pgTable(
  'document_settings',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    letterBody: jsonb('letter_body').$type<LocalizedText>(),
    letterhead: text('letterhead'),
    signature: text('signature'),
    badgeLayout: text('badge_layout').notNull().default('standard'),
    badgeLogo: text('badge_logo'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('document_settings_badge_layout_ck', sql`${t.badgeLayout} in ('standard', 'large-name', 'compact')`)],
);
