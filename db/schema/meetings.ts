import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events, venues } from './agenda';
import { exhibitors, listings, SECTORS, type Sector } from './exhibition';
import { meetingStatus } from './enums';
import { registrations } from './registration';

/**
 * A time organisers open for 1:1 meetings at one venue, with a pool of meeting tables. Times are
 * stored in UTC and shown in the venue's zone; `tablesTaken` counts the accepted meetings holding a
 * table and is changed only under the slot's row lock (lib/meetings/slot-lock.ts); the CHECK has the
 * last word: never more meetings than tables.
 */
export const meetingSlots = pgTable(
  'meeting_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    tables: integer('tables').notNull(),
    tablesTaken: integer('tables_taken').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_slots_venue_start_uq').on(t.venueId, t.startsAt),
    index('meeting_slots_event_idx').on(t.eventId, t.startsAt),
    check('meeting_slots_times_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('meeting_slots_tables_ck', sql`${t.tables} between 1 and 500`),
    check('meeting_slots_taken_ck', sql`${t.tablesTaken} between 0 and ${t.tables}`),
    check('meeting_slots_label_ck', sql`char_length(${t.label}) between 1 and 80`),
  ],
);

/**
 * A registrant's opt-in to matchmaking: only people who opted in are offered to others and may be
 * asked (an exhibitor's contact person is asked through their listings). Sectors and a short line of
 * interests feed the suggestions.
 */
export const matchmakingProfiles = pgTable(
  'matchmaking_profiles',
  {
    registrationId: uuid('registration_id')
      .primaryKey()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    sectors: text('sectors').array().$type<Sector[]>().notNull().default(sql`'{}'::text[]`),
    interests: text('interests').notNull().default(''),
    optedInAt: timestamp('opted_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('matchmaking_profiles_event_idx').on(t.eventId),
    check('matchmaking_profiles_sectors_ck', sql`${t.sectors} <@ array[${sql.raw(SECTORS.map((s) => `'${s}'`).join(','))}]::text[]`),
    check('matchmaking_profiles_interests_ck', sql`char_length(${t.interests}) <= 300`),
  ],
);

export const MEETING_OUTCOMES = ['mou', 'follow-up', 'none'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/**
 * A 1:1 meeting between two registrants of one event at one slot, about a listing or an exhibitor
 * or neither. An accepted meeting has a table of its slot's venue, and a table holds one meeting per
 * slot; a declined or cancelled one holds none.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => meetingSlots.id, { onDelete: 'cascade' }),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    inviteeId: uuid('invitee_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id').references(() => listings.id, { onDelete: 'set null' }),
    exhibitorId: uuid('exhibitor_id').references(() => exhibitors.id, { onDelete: 'set null' }),
    status: meetingStatus('status').notNull().default('pending'),
    message: text('message').notNull().default(''),
    tableNo: integer('table_no'),
    /**
     * Held online rather than at a table: asked so, at a slot of an online venue, or because either
     * person is not on site at the slot's venue (an online attendee, a pair at two venues).
     */
    online: boolean('online').notNull().default(false),
    /** The online meeting's link, set on acceptance (entered by the invitee or generated); shown only to the two people. */
    meetingUrl: text('meeting_url'),
    /** Set when the invitee proposed another time: the request the other way that replaced this one (declined, without a cooldown). */
    replacedBy: uuid('replaced_by'),
    /** The reminder mails queued for the hour before (outbox ids), taken back if the meeting is cancelled. */
    reminderMailIds: uuid('reminder_mail_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Recorded after the meeting by either side or an organiser (b2match's feedback, simplified). */
    outcome: text('outcome').$type<MeetingOutcome>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /**
     * When it was accepted, kept when it is later cancelled: only a meeting that was accepted was ever
     * on a calendar, so only such a cancelled one is sent to calendars as cancelled.
     */
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    // A table holds one meeting per slot.
    uniqueIndex('meetings_slot_table_uq').on(t.slotId, t.tableNo).where(sql`${t.tableNo} is not null`),
    index('meetings_event_idx').on(t.eventId, t.status),
    index('meetings_requester_idx').on(t.requesterId),
    index('meetings_invitee_idx').on(t.inviteeId),
    check('meetings_not_self_ck', sql`${t.requesterId} <> ${t.inviteeId}`),
    check(
      'meetings_table_ck',
      sql`(${t.status} = 'accepted' and not ${t.online}) = (${t.tableNo} is not null) and (${t.tableNo} is null or ${t.tableNo} >= 1)`,
    ),
    check(
      'meetings_url_ck',
      sql`(${t.status} = 'accepted' and ${t.online}) = (${t.meetingUrl} is not null) and (${t.meetingUrl} is null or (${t.meetingUrl} like 'https://%' and char_length(${t.meetingUrl}) <= 300))`,
    ),
    check('meetings_outcome_ck', sql`${t.outcome} is null or (${t.status} = 'accepted' and ${t.outcome} in ('mou', 'follow-up', 'none'))`),
    check('meetings_message_ck', sql`char_length(${t.message}) <= 500`),
  ],
);

/**
 * Who is taken at which slot: one row per person of a pending or accepted meeting. The primary key
 * is the invariant: nobody is in two meetings at one slot, as requester or as invitee.
 */
export const meetingHolds = pgTable(
  'meeting_holds',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => meetingSlots.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'meeting_holds_pkey', columns: [t.slotId, t.registrationId] }),
    index('meeting_holds_meeting_idx').on(t.meetingId),
  ],
);

/**
 * The meeting times a person cannot meet at: nobody may ask them then. Written under the slot's
 * lock, as requests are, so a mark and a request never cross.
 */
export const meetingUnavailability = pgTable(
  'meeting_unavailability',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => meetingSlots.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'meeting_unavailability_pkey', columns: [t.slotId, t.registrationId] }),
    index('meeting_unavailability_person_idx').on(t.registrationId),
  ],
);

/** A person who takes no more meeting requests from another (`blockedId`), until they unblock them. */
export const meetingBlocks = pgTable(
  'meeting_blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'meeting_blocks_pkey', columns: [t.blockerId, t.blockedId] }),
    index('meeting_blocks_blocked_idx').on(t.blockedId),
    check('meeting_blocks_not_self_ck', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);
