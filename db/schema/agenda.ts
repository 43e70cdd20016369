import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { eventRole, eventStatus, sessionKind, sessionStatus, speakerPresence, speakerRole, venueKind } from './enums';

/**
 * Content text in any language: a map from a BCP 47 tag (en, zh, ja, ko, th, zh-Hant, vi…) to text.
 * English is required; every other language is optional and falls back along its chain
 * (lib/i18n/text.ts). Stored as jsonb, so a new language needs no migration.
 */
export type LocalizedText = { en: string; [locale: string]: string | undefined };

/** A speaker's honorific, job title and affiliation in a language other than English (the plain columns). */
export type SpeakerTranslation = { honorific?: string; jobTitle?: string; affiliation?: string };
/** A session's interpretation streams by language ('zh' → its HLS or player URL). */
export type InterpretationUrls = { [language: string]: string | undefined };

export type SpeakerTranslations = { [locale: string]: SpeakerTranslation | undefined };

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    theme: jsonb('theme').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({ en: '' }),
    organiser: text('organiser').notNull().default(''),
    /** A public address attendees can write to about the forum. */
    contactEmail: text('contact_email').notNull().default(''),
    /** How attendees' data is used, per language; shown beside the consent box. */
    privacy: jsonb('privacy').$type<LocalizedText>().notNull().default({ en: '' }),
    /** Days after the event ends when attendees' personal data is erased; null keeps it. */
    retentionDays: integer('retention_days'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    status: eventStatus('status').notNull().default('draft'),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    languages: text('languages').array().notNull().default(sql`'{en,zh}'::text[]`),
    publishedVersion: integer('published_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('events_dates_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_slug_ck', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,80}$'`),
  ],
);

export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    city: jsonb('city').$type<LocalizedText>().notNull(),
    country: text('country').notNull(),
    address: text('address').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    kind: venueKind('kind').notNull(),
    /** On-site seats; null means unlimited (the online venue). */
    capacity: integer('capacity'),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('venues_event_slug_uq').on(t.eventId, t.slug),
    check('venues_capacity_ck', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
    check('venues_confirmed_ck', sql`${t.confirmedCount} >= 0 AND (${t.capacity} IS NULL OR ${t.confirmedCount} <= ${t.capacity})`),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [check('rooms_capacity_ck', sql`${t.capacity} >= 0`)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({ en: '' }),
    kind: sessionKind('kind').notNull(),
    /** Programme segment, e.g. "opening", "main", "young-scientists". */
    segment: text('segment').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'restrict' }),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    /** Seats that can be booked; null means no per-session limit. */
    capacity: integer('capacity'),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    /** Whether online attendees can choose it (it is streamed). */
    streamed: boolean('streamed').notNull().default(true),
    /** The floor (the room's own sound): the main stream. */
    livestreamUrl: text('livestream_url'),
    /**
     * Interpretation channels: one stream per language interpreted into (lib/livestream/channels.ts
     * names the languages), each behind the same entitlement and signed redirect as the floor.
     */
    interpretationUrls: jsonb('interpretation_urls').$type<InterpretationUrls>().notNull().default({}),
    recordingUrl: text('recording_url'),
    languages: text('languages').array().notNull().default(sql`'{en}'::text[]`),
    status: sessionStatus('status').notNull().default('scheduled'),
    revision: integer('revision').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sessions_event_slug_uq').on(t.eventId, t.slug),
    index('sessions_event_start_idx').on(t.eventId, t.startsAt),
    check('sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('sessions_capacity_ck', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
    check('sessions_confirmed_ck', sql`${t.confirmedCount} >= 0 AND (${t.capacity} IS NULL OR ${t.confirmedCount} <= ${t.capacity})`),
  ],
);

/** A session shown live at another venue of the same event. */
export const sessionRelays = pgTable(
  'session_relays',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.venueId] })],
);

export const speakers = pgTable(
  'speakers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    honorific: text('honorific').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    affiliation: text('affiliation').notNull().default(''),
    /** The same, per language; a page in a language without them names the speaker only. */
    translations: jsonb('translations').$type<SpeakerTranslations>().notNull().default({}),
    country: text('country').notNull(),
    bio: jsonb('bio').$type<LocalizedText>().notNull().default({ en: '' }),
    timeZone: text('time_zone'),
    photo: text('photo'),
    calendarToken: text('calendar_token'),
  },
  (t) => [uniqueIndex('speakers_event_slug_uq').on(t.eventId, t.slug)],
);

export const sessionSpeakers = pgTable(
  'session_speakers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    speakerId: uuid('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    role: speakerRole('role').notNull().default('speaker'),
    presence: speakerPresence('presence').notNull().default('onsite'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.speakerId] })],
);

/** Who may do what for one event. */
export const eventMembers = pgTable(
  'event_members',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: eventRole('role').notNull(),
    /** Check-in staff may be limited to one venue; a venue manager always is. */
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId, t.role] })],
);

/** A published version of the agenda with what changed since the previous one. */
export const agendaVersions = pgTable(
  'agenda_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changes: jsonb('changes').notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agenda_versions_event_version_uq').on(t.eventId, t.version)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    details: jsonb('details').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_event_at_idx').on(t.eventId, t.at)],
);
