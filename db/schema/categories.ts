import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events, type LocalizedText } from './agenda';
import { users } from './auth';
import { attendanceMode, categoryVisibility } from './enums';

/**
 * A kind of attendee an event registers (Government delegate, Media, Public…). Its capacity is held
 * like a venue's seats: `confirmed_count` counts the registrations admitted to it, under the row lock
 * (lib/categories/category-seats.ts), and the CHECK refuses any oversell that slipped past.
 */
export const attendeeCategories = pgTable(
  'attendee_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({ en: '' }),
    /** Null: no limit. */
    capacity: integer('capacity'),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    /** `invitation`: offered only to someone holding a valid code of this category. */
    visibility: categoryVisibility('visibility').notNull().default('public'),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    /**
     * Visa support: the manage page asks this category's in-person registrants for their passport
     * details, and approving a registration issues the letter they asked for (lib/visa/letters.ts).
     */
    visaSupport: boolean('visa_support').notNull().default(false),
    /** Null: the event's own registration window applies. */
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    allowedModes: attendanceMode('allowed_modes').array().notNull().default(sql`'{in_person,online}'::attendance_mode[]`),
    /** Venues where people of this category may attend in person; empty: every venue. */
    allowedVenueIds: uuid('allowed_venue_ids').array().notNull().default(sql`'{}'::uuid[]`),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attendee_categories_event_idx').on(t.eventId, t.position),
    check(
      'attendee_categories_seats_ck',
      sql`${t.confirmedCount} >= 0 AND (${t.capacity} IS NULL OR (${t.capacity} >= 0 AND ${t.confirmedCount} <= ${t.capacity}))`,
    ),
    check('attendee_categories_window_ck', sql`${t.opensAt} IS NULL OR ${t.closesAt} IS NULL OR ${t.closesAt} > ${t.opensAt}`),
  ],
);

/**
 * An invitation code of a category, usable `max_uses` times until `expires_at`. Redeemed by one
 * conditional UPDATE (lib/categories/invitation-codes.ts), so concurrent registrations never use it
 * more than `max_uses` times; the CHECK holds the same line in the database.
 */
export const categoryInvitationCodes = pgTable(
  'category_invitation_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => attendeeCategories.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    maxUses: integer('max_uses').notNull().default(1),
    uses: integer('uses').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('category_invitation_codes_event_code_uq').on(t.eventId, t.code),
    index('category_invitation_codes_category_idx').on(t.categoryId),
    check('category_invitation_codes_uses_ck', sql`${t.maxUses} >= 1 AND ${t.uses} >= 0 AND ${t.uses} <= ${t.maxUses}`),
  ],
);
