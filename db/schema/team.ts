import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events, venues } from './agenda';
import { users } from './auth';
import { eventRole } from './enums';

/**
 * An invitation to join an event's team: mailed as a single-use link that expires. Only the hash of
 * the link's token is kept; an invite is pending until accepted or revoked.
 */
export const eventInvites = pgTable(
  'event_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: eventRole('role').notNull(),
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** The language the invite is written in, chosen by the organiser; the account keeps it. */
    locale: text('locale').notNull().default('en'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_invites_token_uq').on(t.tokenHash),
    // One open invite per address and event: inviting twice is refused, not doubled.
    uniqueIndex('event_invites_pending_uq')
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index('event_invites_event_idx').on(t.eventId),
  ],
);
