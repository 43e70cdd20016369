import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events, sessions, type LocalizedText } from './agenda';
import { listings, SECTORS, type Sector } from './exhibition';

/** What came of the forum, as it reports it each year: signed MoUs, agreements, transfers, other cooperation. */
export const OUTCOME_KINDS = ['mou', 'agreement', 'technology-transfer', 'other-cooperation'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** One organisation that signed, with the ISO 3166-1 alpha-2 code of its country. */
export type OutcomeParty = { name: string; country: string };
export const MAX_OUTCOME_PARTIES = 10;

/**
 * A cooperation result recorded by the organisers for one edition (event). Only a public one is
 * shown on the public page and in the API; a private one counts for nobody but the organisers.
 */
export const outcomes = pgTable(
  'outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<OutcomeKind>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    parties: jsonb('parties').$type<OutcomeParty[]>().notNull(),
    sector: text('sector').$type<Sector>().notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** The session it was signed at (a signing ceremony), of the same event: checked in lib. */
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    listingId: uuid('listing_id').references(() => listings.id, { onDelete: 'set null' }),
    public: boolean('public').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outcomes_event_idx').on(t.eventId, t.signedOn),
    check('outcomes_kind_ck', sql`${t.kind} in (${sql.raw(OUTCOME_KINDS.map((k) => `'${k}'`).join(','))})`),
    check('outcomes_sector_ck', sql`${t.sector} in (${sql.raw(SECTORS.map((s) => `'${s}'`).join(','))})`),
    // The form bounds each language to 200 characters; this bounds the whole stored value.
    check('outcomes_title_ck', sql`jsonb_typeof(${t.title}) = 'object' and length(${t.title}::text) <= 3000`),
    check(
      'outcomes_parties_ck',
      sql`jsonb_typeof(${t.parties}) = 'array' and jsonb_array_length(${t.parties}) between 1 and ${sql.raw(String(MAX_OUTCOME_PARTIES))} and length(${t.parties}::text) <= 4000`,
    ),
    check('outcomes_signed_ck', sql`${t.signedOn} between '2000-01-01' and '2100-12-31'`),
  ],
);
