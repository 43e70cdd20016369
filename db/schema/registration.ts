import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events, sessions, venues } from './agenda';
import { attendeeCategories } from './categories';
import { approvalDecision, attendanceMode, participantType, registrationStatus, seatStatus } from './enums';

/**
 * A group registered together by its head (docs/delegations.md): the head and every member are
 * registrations of their own, with `delegation_id` set; the head's is marked `delegation_head`.
 */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2, like a registration's country. */
    country: text('country').notNull(),
    agency: text('agency').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delegations_event_idx').on(t.eventId, t.name)],
);

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    country: text('country').notNull(),
    participantType: participantType('participant_type').notNull(),
    mode: attendanceMode('mode').notNull(),
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'restrict' }),
    status: registrationStatus('status').notNull(),
    /** Place in the venue's waitlist for in-person attendance (1 = next in line). */
    waitlistPosition: integer('waitlist_position'),
    needs: text('needs').notNull().default(''),
    locale: text('locale').notNull().default('en'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    manageTokenHash: text('manage_token_hash').notNull(),
    /** Grows with every change so calendar apps update the invite instead of duplicating it. */
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by'),
    /**
     * When the certificate of attendance was mailed (lib/certificates/send-certificates.ts): set in
     * the transaction that queues the mail, so pressing "send certificates" twice mails once.
     */
    certificateMailedAt: timestamp('certificate_mailed_at', { withTimezone: true }),
    /**
     * When a mail carrying the manage link last went to this address (the confirmation, or a re-send
     * for someone registering again): re-sends are at most one per address per few minutes, whoever asks.
     */
    manageLinkSentAt: timestamp('manage_link_sent_at', { withTimezone: true }),
    /** When the person's data was erased (retention or their own request); the row stays for counts. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /** The attendee category chosen (null: the event has none, or none was chosen). */
    categoryId: uuid('category_id').references(() => attendeeCategories.id, { onDelete: 'restrict' }),
    /** Pending for a full category: place in its line (1 = next). Null otherwise. */
    categoryWaitlistPosition: integer('category_waitlist_position'),
    /** A pending registration's chosen sessions (and whether each takes a seat), seated when it is admitted. */
    requestedSessions: jsonb('requested_sessions').$type<{ sessionId: string; seat: boolean }[]>(),
    decision: approvalDecision('decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /**
     * The 8-character code printed under the ticket's QR for typing at the desk (Crockford base32:
     * no I, L, O or U). Drawn by the database (hf_short_code(), from gen_random_uuid's strong random)
     * so every writer of registrations gets one; the desk looks it up, it proves nothing by itself.
     */
    shortCode: text('short_code').notNull().default(sql`hf_short_code()`),
    /** The delegation this registration belongs to (null: registered alone). */
    delegationId: uuid('delegation_id').references(() => delegations.id, { onDelete: 'restrict' }),
    /** The delegation's head: their manage link manages every member (one head per delegation). */
    delegationHead: boolean('delegation_head').notNull().default(false),
    /** A member whose mails go to the delegation head's address instead of their own. */
    mailToHead: boolean('mail_to_head').notNull().default(false),
  },
  (t) => [
    // A cancelled registration never blocks the address: whoever controls it can register again.
    uniqueIndex('registrations_event_email_uq').on(t.eventId, sql`lower(${t.email})`).where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('registrations_manage_token_uq').on(t.manageTokenHash),
    index('registrations_event_created_idx').on(t.eventId, t.createdAt),
    // The organiser's country filter reads the event's distinct countries from this index alone.
    index('registrations_event_country_idx').on(t.eventId, t.country),
    index('registrations_venue_status_idx').on(t.venueId, t.status),
    index('registrations_category_status_idx').on(t.categoryId, t.status, t.categoryWaitlistPosition),
    uniqueIndex('registrations_event_short_code_uq').on(t.eventId, t.shortCode),
    // The desk's search: partial, case-insensitive matches in any script (pg_trgm hashes the
    // trigrams of Thai and CJK text too). lib/registration/search-text.ts (registrationSearchText) is this exact expression.
    index('registrations_desk_search_idx').using('gin', sql`lower(name || ' ' || email || ' ' || organisation) gin_trgm_ops`),
    index('registrations_delegation_idx').on(t.delegationId),
    uniqueIndex('registrations_delegation_head_uq').on(t.delegationId).where(sql`${t.delegationHead}`),
    check('registrations_delegation_head_ck', sql`NOT ${t.delegationHead} OR ${t.delegationId} IS NOT NULL`),
    check('registrations_venue_ck', sql`(${t.mode} = 'online') = (${t.venueId} IS NULL)`),
    check(
      'registrations_waitlist_ck',
      sql`(${t.status} = 'waitlisted') = (${t.waitlistPosition} IS NOT NULL) AND (${t.waitlistPosition} IS NULL OR ${t.waitlistPosition} >= 1)`,
    ),
  ],
);

/** A registrant's place in one session: confirmed, or waitlisted with a position (1 = next in line). */
export const registrationSessions = pgTable(
  'registration_sessions',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    status: seatStatus('status').notNull(),
    waitlistPosition: integer('waitlist_position'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    index('registration_sessions_session_status_idx').on(t.sessionId, t.status, t.waitlistPosition),
    check(
      'registration_sessions_waitlist_ck',
      sql`(${t.status} = 'waitlisted') = (${t.waitlistPosition} IS NOT NULL) AND (${t.waitlistPosition} IS NULL OR ${t.waitlistPosition} >= 1)`,
    ),
  ],
);

/** People an organiser allows to open livestreams without an online registration. */
export const streamGrants = pgTable(
  'stream_grants',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    grantedBy: uuid('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.email] })],
);
