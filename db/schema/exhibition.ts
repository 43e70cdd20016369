import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events, sessions, venues, type LocalizedText } from './agenda';
import { registrations } from './registration';
import { users } from './auth';
import { exhibitorStatus, listingKind, listingStatus } from './enums';

/**
 * The sectors an exhibitor (and later a listing) belongs to: a fixed list, so that filters and
 * suggested matches compare like with like. The words for each are in messages (exhibition.sectors).
 */
export const SECTORS = [
  'digital-technology',
  'big-health',
  'modern-agriculture',
  'new-energy',
  'advanced-manufacturing',
  'marine',
] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * An organisation exhibiting at an event: a profile, and a booth at one venue (hall and number) or
 * online only (no venue, no booth). Only an approved exhibitor is public; the contacts are private
 * (organisers now, the other side of an accepted meeting later).
 */
export const exhibitors = pgTable(
  'exhibitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({ en: '' }),
    country: text('country').notNull(),
    sectors: text('sectors').array().$type<Sector[]>().notNull(),
    website: text('website').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    /** The logo as a data: URL (PNG, JPEG or WebP by its bytes, as speaker photos), or null. */
    logo: text('logo'),
    /** Null: online only. Set: an on-site booth at this venue, in `hall` at `booth`. */
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'no action' }),
    hall: text('hall'),
    booth: text('booth'),
    status: exhibitorStatus('status').notNull().default('pending'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exhibitors_event_slug_uq').on(t.eventId, t.slug),
    // Two exhibitors never share a booth at one venue.
    uniqueIndex('exhibitors_booth_uq').on(t.venueId, sql`lower(${t.hall})`, sql`lower(${t.booth})`).where(sql`${t.venueId} is not null`),
    index('exhibitors_event_idx').on(t.eventId, t.status),
    // A booth has a venue, a hall and a number, or the exhibitor is online only and has none of them.
    check(
      'exhibitors_booth_ck',
      sql`(${t.venueId} is null and ${t.hall} is null and ${t.booth} is null) or (${t.venueId} is not null and ${t.hall} is not null and ${t.booth} is not null)`,
    ),
    check(
      'exhibitors_sectors_ck',
      sql`cardinality(${t.sectors}) >= 1 and ${t.sectors} <@ array[${sql.raw(SECTORS.map((s) => `'${s}'`).join(','))}]::text[]`,
    ),
    check('exhibitors_approved_ck', sql`(${t.status} = 'approved') = (${t.approvedAt} is not null)`),
  ],
);

/** What a technology listing says: "we have a technology" or "we are looking for one". */
export const LISTING_KINDS = ['offer', 'need'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
export const IP_STATUSES = ['patent', 'patent-pending', 'licence', 'know-how', 'none'] as const;
export type IpStatus = (typeof IP_STATUSES)[number];
export const COOPERATION_KINDS = ['licensing', 'joint-lab', 'investment', 'joint-research', 'talent'] as const;
export type CooperationKind = (typeof COOPERATION_KINDS)[number];

/**
 * A technology offer or need by an exhibitor or by a registered attendee (exactly one of the two is
 * its author). Organisers moderate it: only a published listing is public; a rejected one stays for
 * the record. TRL is the technology readiness level, 1 to 9.
 */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Set for an exhibitor's listing (entered by organisers); null for an attendee's. */
    exhibitorId: uuid('exhibitor_id').references(() => exhibitors.id, { onDelete: 'cascade' }),
    /** Set for a listing a registered attendee wrote from their manage link; null for an exhibitor's. */
    authorRegistrationId: uuid('author_registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    kind: listingKind('kind').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull().default({ en: '' }),
    sector: text('sector').$type<Sector>().notNull(),
    trl: integer('trl').notNull(),
    ipStatus: text('ip_status').$type<IpStatus>().notNull(),
    cooperation: text('cooperation').array().$type<CooperationKind[]>().notNull(),
    /** ISO 3166-1 alpha-2 codes of the countries the author wants partners in; empty: anywhere. */
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    status: listingStatus('status').notNull().default('pending'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('listings_event_idx').on(t.eventId, t.status),
    index('listings_exhibitor_idx').on(t.exhibitorId),
    index('listings_author_registration_idx').on(t.authorRegistrationId),
    // Exactly one author: an exhibitor or a registration.
    check('listings_author_ck', sql`(${t.exhibitorId} is null) <> (${t.authorRegistrationId} is null)`),
    check('listings_trl_ck', sql`${t.trl} between 1 and 9`),
    check('listings_sector_ck', sql`${t.sector} in (${sql.raw(SECTORS.map((s) => `'${s}'`).join(','))})`),
    check('listings_ip_ck', sql`${t.ipStatus} in (${sql.raw(IP_STATUSES.map((s) => `'${s}'`).join(','))})`),
    check(
      'listings_cooperation_ck',
      sql`cardinality(${t.cooperation}) >= 1 and ${t.cooperation} <@ array[${sql.raw(COOPERATION_KINDS.map((s) => `'${s}'`).join(','))}]::text[]`,
    ),
    check('listings_moderated_ck', sql`(${t.status} = 'pending') = (${t.moderatedAt} is null)`),
  ],
);

/**
 * The listings presented in a technology promotion (or matchmaking) session, in the order shown.
 * Read live by the public session page: not part of the published agenda's versions.
 */
export const sessionListings = pgTable(
  'session_listings',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.listingId] }),
    uniqueIndex('session_listings_position_uq').on(t.sessionId, t.position),
    index('session_listings_listing_idx').on(t.listingId),
  ],
);

/**
 * A person who works for an exhibitor (issue 20, item 1): signed in, they edit its profile, enter
 * its listings and answer its meeting requests on the exhibitor portal (/exhibitor). An exhibitor
 * may have several; one person may staff several exhibitors. Organisers add them by invite only.
 */
export const exhibitorStaff = pgTable(
  'exhibitor_staff',
  {
    exhibitorId: uuid('exhibitor_id')
      .notNull()
      .references(() => exhibitors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.exhibitorId, t.userId] }), index('exhibitor_staff_user_idx').on(t.userId)],
);

/**
 * An invitation to staff an exhibitor, like a team invite (event_invites): a single-use mailed link
 * that expires, of which only the token's hash is kept; pending until accepted or revoked.
 */
export const exhibitorStaffInvites = pgTable(
  'exhibitor_staff_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    exhibitorId: uuid('exhibitor_id')
      .notNull()
      .references(() => exhibitors.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The language of the invite mail, chosen by the organiser; a new account keeps it. */
    locale: text('locale').notNull().default('en'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('exhibitor_staff_invites_token_uq').on(t.tokenHash),
    // One open invite per address and exhibitor: inviting twice is refused, not doubled.
    uniqueIndex('exhibitor_staff_invites_pending_uq')
      .on(t.exhibitorId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
