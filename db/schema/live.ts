import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { events, sessions } from './agenda';
import { registrations } from './registration';

/**
 * A session's live room: whether questions are taken, and the last event id handed out. Every change
 * to the room takes this row's lock to draw the next id, so ids commit in the order they are drawn
 * and a client resuming "after id N" can never skip an id that committed late.
 */
export const liveRooms = pgTable('live_rooms', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  questionsOpen: boolean('questions_open').notNull().default(true),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
});

/** What changed in a live room, in order; clients resume from the last id they saw. */
export const liveEvents = pgTable(
  'live_events',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).notNull(),
    /** question | poll | room */
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.id] }), check('live_events_kind_ck', sql`${t.kind} in ('question', 'poll', 'room')`)],
);

// The limits in these CHECKs are lib/live/limits.ts's (QUESTION_MAX, POLL_OPTIONS_MAX); tests/integration/live-room.test.ts holds them together.

/**
 * A question asked in a session's live Q&A. `anonymous` hides the asker from other attendees and the
 * stage display, never from the moderators. Pending until a moderator approves it.
 */
export const liveQuestions = pgTable(
  'live_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    /** pending | approved | hidden */
    status: text('status').notNull().default('pending'),
    answered: boolean('answered').notNull().default(false),
    highlighted: boolean('highlighted').notNull().default(false),
    votes: integer('votes').notNull().default(0),
    /**
     * Set when a question filter (lib/live/question-filter.ts, e.g. the event's blocklist) held it back
     * on arrival: which filter and what it matched, for the moderators only. The question stays
     * pending until a moderator approves or hides it.
     */
    heldFilter: text('held_filter'),
    heldTerm: text('held_term'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_questions_session_idx').on(t.sessionId, t.status),
    // One highlighted question per session, whoever clicks at once.
    uniqueIndex('live_questions_highlight_uq').on(t.sessionId).where(sql`${t.highlighted}`),
    check('live_questions_status_ck', sql`${t.status} in ('pending', 'approved', 'hidden')`),
    check('live_questions_body_ck', sql`char_length(${t.body}) between 1 and 280`),
    check('live_questions_highlight_ck', sql`not ${t.highlighted} or ${t.status} = 'approved'`),
  ],
);

/**
 * An event's blocklist for live questions: words and phrases its organisers and session moderators
 * keep; a question containing one is held for moderation (lib/live/blocklist.ts matches).
 */
export const liveBlocklists = pgTable(
  'live_blocklists',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    terms: text('terms').array().notNull().default(sql`'{}'::text[]`),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The limit is lib/live/limits.ts's BLOCKLIST_TERMS_MAX.
  (t) => [check('live_blocklists_terms_ck', sql`cardinality(${t.terms}) <= 300`)],
);

/** One upvote per registration and question, held by the primary key. */
export const liveQuestionVotes = pgTable(
  'live_question_votes',
  {
    questionId: uuid('question_id')
      .notNull()
      .references(() => liveQuestions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.registrationId] })],
);

/** A poll the moderator opens in a session: single or multiple choice among `options`. */
export const livePolls = pgTable(
  'live_polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    options: text('options').array().notNull(),
    multiple: boolean('multiple').notNull().default(false),
    /** open | closed */
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_polls_session_idx').on(t.sessionId),
    check('live_polls_status_ck', sql`${t.status} in ('open', 'closed')`),
    check('live_polls_options_ck', sql`cardinality(${t.options}) between 2 and 8`),
  ],
);

/** A registration's one ballot in a poll (the primary key); `choices` are option positions. */
export const livePollBallots = pgTable(
  'live_poll_ballots',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => livePolls.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    choices: smallint('choices').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pollId, t.registrationId] }),
    check('live_poll_ballots_choices_ck', sql`cardinality(${t.choices}) >= 1`),
  ],
);

/** A link for a venue screen showing a session's stage display; revoked links stop at once. */
export const liveStageLinks = pgTable('live_stage_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  sessionId: uuid('session_id')
    .notNull()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  label: text('label').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * How many attendees each app instance has connected to a session's live room now: every instance
 * writes its own rows (lib/live/presence.ts) and refreshes `seen_at`, and the dashboard adds up the
 * rows seen lately, so counts span instances and an instance that died stops counting by itself.
 */
export const liveViewers = pgTable(
  'live_viewers',
  {
    instanceId: text('instance_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    viewers: integer('viewers').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instanceId, t.sessionId] }), check('live_viewers_count_ck', sql`${t.viewers} > 0`)],
);
