// One registration's transaction as bare SQL, for measuring what the database alone can do with it:
// what the app ran per registration before registrations were batched, and what a batch of one
// still runs (lib/registration/record-registrations.ts). The same statements and round trips:
//   before the transaction: the event with the chosen venue; the chosen sessions with their venue,
//     room and relay to that venue;
//   BEGIN; insert the registration;
//   lock the venue and session rows FOR NO KEY UPDATE in one statement (venues first, each in id
//     order), with the session's waitlist tail in the same round trip once the session is full;
//   one statement for the seat writes and the outbox row (data-modifying WITH; template + a ~1.4 KB
//     JSON payload, like a registration mail; the app writes its audit entry in it too);
//   COMMIT.
// Two spellings: a pgbench script (PostgreSQL) and a function (PGlite, one connection). pgbench
// cannot send the tail read along with the lock and still use its result (no \gset inside a
// pipeline), so there the tail is read inside the seat insert: the same reads, the same three round
// trips under the lock.
// pgbench also fetches a new id and token with one query before BEGIN (the app makes them itself).
import { randomUUID } from 'node:crypto';
import type { SeatedSession } from '../../tests/helpers/seated-session';

/** A registration mail payload of the size the app queues (template data, rendered after commit). */
const PAYLOAD = JSON.stringify({
  party: {
    attendee: { name: 'Load participant', email: 'load@example.org' },
    sequence: 0,
    organizer: {
      name: 'The 10th Forum on China-ASEAN Technology Transfer and Collaborative Innovation',
      email: 'no-reply@hybrid-forum.local',
    },
    uidPrefix: '00000000-0000-0000-0000-000000000000',
  },
  props: {
    kind: 'confirmed',
    locale: 'en',
    changes: [],
    removed: [],
    sessions: [
      {
        seat: { status: 'waitlisted', position: 1 },
        when: 'Sat, 26 Dec 2026 · 10:00–11:00 Nanning, GMT+8',
        title: 'Seated session bench',
        where: 'Hall bench-hall, Nanning',
        joinUrl: null,
      },
    ],
    forumName: 'The 10th Forum on China-ASEAN Technology Transfer and Collaborative Innovation',
    manageUrl: 'http://127.0.0.1:3400/manage/00000000-0000-0000-0000-000000000000.N7uNTNxeBDBTmg1qDpit7BiCy7eI5fXqsjcEaVi_w5c',
    ticketCid: 'ticket@hybrid-forum',
    attendance: { mode: 'in_person', venue: 'Hall bench-hall, Nanning', waitlistPosition: null },
    registrantName: 'Load participant',
  },
  cancel: [],
  invite: [
    {
      url: 'http://127.0.0.1:3400/events/china-asean-tech-forum/sessions/bench',
      title: 'Seated session bench',
      endsAt: '2026-12-26T03:00:00.000Z',
      location: 'Hall bench-hall, Nanning',
      startsAt: '2026-12-26T02:00:00.000Z',
      sessionId: '00000000-0000-0000-0000-000000000000',
      tentative: true,
      description: '',
    },
  ],
  ticketFor: '00000000-0000-0000-0000-000000000000',
});

// The reads before the transaction, as Drizzle writes them (lib/registration/register.ts, choices.ts).
const EVENT_COLUMNS = `"events"."id", "events"."slug", "events"."name", "events"."theme", "events"."description", "events"."organiser", "events"."starts_at", "events"."ends_at", "events"."time_zone", "events"."status", "events"."registration_opens_at", "events"."registration_closes_at", "events"."languages", "events"."published_version", "events"."created_at"`;
const VENUE_COLUMNS = `"venues"."id", "venues"."event_id", "venues"."slug", "venues"."name", "venues"."city", "venues"."country", "venues"."address", "venues"."time_zone", "venues"."kind", "venues"."capacity", "venues"."confirmed_count", "venues"."position"`;
const SESSION_COLUMNS = `"sessions"."id", "sessions"."event_id", "sessions"."slug", "sessions"."title", "sessions"."description", "sessions"."kind", "sessions"."segment", "sessions"."starts_at", "sessions"."ends_at", "sessions"."venue_id", "sessions"."room_id", "sessions"."capacity", "sessions"."confirmed_count", "sessions"."streamed", "sessions"."livestream_url", "sessions"."recording_url", "sessions"."languages", "sessions"."status", "sessions"."revision", "sessions"."updated_at"`;
const ROOM_COLUMNS = (table: string) => `"${table}"."id", "${table}"."venue_id", "${table}"."name", "${table}"."capacity"`;
const READS = {
  /** $1 venue slug, $2 event slug. */
  eventWithVenue: `select ${EVENT_COLUMNS}, ${VENUE_COLUMNS} from "events" left join "venues" on ("venues"."event_id" = "events"."id" and "venues"."slug" = $1) where "events"."slug" = $2`,
  /** $1 venue id, $2 session ids. */
  sessions: `select ${SESSION_COLUMNS}, ${VENUE_COLUMNS}, ${ROOM_COLUMNS('rooms')}, "relay"."venue_id", ${ROOM_COLUMNS('relay_room')} from "sessions" inner join "venues" on "sessions"."venue_id" = "venues"."id" left join "rooms" on "sessions"."room_id" = "rooms"."id" left join "session_relays" "relay" on ("relay"."session_id" = "sessions"."id" and "relay"."venue_id" = $1) left join "rooms" "relay_room" on "relay"."room_id" = "relay_room"."id" where "sessions"."id" = any($2::uuid[]) order by "sessions"."starts_at" asc`,
};

// The statements inside the transaction (register.ts, seats.ts, new-registration-seats.ts, outbox.ts).
const INSERT_REGISTRATION = `
  insert into registrations (id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, status, needs, locale, consent_at, manage_token_hash, manage_link_sent_at)
  values ($1, $2, $3, 'Load participant', 'Guangxi University', 'Researcher', 'CN', 'enterprise', 'in_person', $4, 'confirmed', '', 'en', now(), $5, now())
  on conflict do nothing
  returning id, sequence`;
const LOCK = `
  select 'venue' as kind, id, null::uuid as venue_id, capacity, confirmed_count from (select id, capacity, confirmed_count from venues where id in ($1) order by id for no key update) v
  union all
  select 'session' as kind, id, venue_id, capacity, confirmed_count from (select id, venue_id, capacity, confirmed_count from sessions where id in ($2) order by id for no key update) s`;
const TAIL = `select coalesce(max(waitlist_position), 0)::int as last from registration_sessions where session_id = $1 and status = 'waitlisted'`;
/**
 * The seat writes and the mail in one statement. $1 seated venue, $2 venue waitlist place,
 * $3 registration, $4 seated sessions, $5–$7 every chosen session's id, status and place, then the
 * outbox row: $8 event, $9 address, $10 payload, $11 Message-ID.
 */
const RECORD_SEATS_AND_MAIL = (position = 's.position') => `
  with venue_seat as (
         update venues set confirmed_count = confirmed_count + 1 where id = $1::uuid),
       venue_waitlist as (
         update registrations set status = 'waitlisted', waitlist_position = $2::int
         where id = $3 and $2::int is not null),
       session_seats as (
         update sessions set confirmed_count = confirmed_count + 1 where id = any($4::uuid[])),
       session_places as (
         insert into registration_sessions (registration_id, session_id, status, waitlist_position)
         select $3::uuid, s.id, s.status::seat_status, ${position}
         from unnest($5::uuid[], $6::text[], $7::int[]) as s(id, status, position))
  insert into outbox (id, kind, event_id, registration_id, to_address, to_name, subject, html, text, template, payload, attachments, message_id)
  values ($3, 'registration.confirmed', $8, $3, $9, 'Load participant', 'Registration confirmed · The 10th Forum', null, null, 'registration', $10::jsonb, '[]'::jsonb, $11)`;

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Replaces $1, $2… with pgbench variables or literals (pgbench binds :variables itself with -M prepared). */
function bind(statement: string, values: string[]): string {
  return statement
    .replace(/\$(\d+)/g, (_, n: string) => values[Number(n) - 1]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Variables for pgbench -D: the payload is bound like the app binds it, not parsed once as a literal. */
export const pgbenchVariables = { payload: PAYLOAD };

/** A pgbench script (run with -M prepared, where :name is a bound parameter), with pgbenchVariables. */
export function pgbenchScript(seated: SeatedSession): string {
  const event = quote(seated.eventId);
  const venue = quote(seated.venueId);
  const session = quote(seated.sessionId);
  const sessionArray = quote(`{${seated.sessionId}}`);
  const email = `'pgbench-' || :rid || '@example.org'`;
  const mail = [event, email, ':payload', `'<' || :rid || '@hybrid-forum.local>'`];
  return `
SELECT gen_random_uuid() AS rid, md5(random()::text) AS token \\gset
${bind(READS.eventWithVenue, [quote(seated.venueSlug), quote(seated.eventSlug)])};
${bind(READS.sessions, [venue, sessionArray])};
BEGIN;
${bind(INSERT_REGISTRATION, [':rid', event, email, venue, ':token'])};
${bind(LOCK, [venue, session])} \\aset
\\if :confirmed_count < :capacity
${bind(RECORD_SEATS_AND_MAIL(), [venue, 'NULL', ':rid', sessionArray, sessionArray, quote('{confirmed}'), quote('{NULL}'), ...mail])};
\\else
${bind(RECORD_SEATS_AND_MAIL(`(${bind(TAIL, [session])}) + 1`), [venue, 'NULL', ':rid', quote('{}'), sessionArray, quote('{waitlisted}'), quote('{NULL}'), ...mail])};
\\endif
COMMIT;
`;
}

export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** The same statements through one connection (PGlite has only one), deciding seats like the app. */
export async function registerBare(query: Query, seated: SeatedSession): Promise<void> {
  const sessions = [seated.sessionId];
  await query(READS.eventWithVenue, [seated.venueSlug, seated.eventSlug]);
  const places = await query(READS.sessions, [seated.venueId, sessions]);
  const loaded = places.rows[0] as { capacity: number | null; confirmed_count: number };
  const fullWhenLoaded = loaded.capacity !== null && loaded.confirmed_count >= loaded.capacity;
  const rid = randomUUID();
  const email = `bare-${rid}@example.org`;
  await query('BEGIN');
  try {
    await query(INSERT_REGISTRATION, [rid, seated.eventId, email, seated.venueId, rid.replace(/-/g, '')]);
    const [locked, tail] = await Promise.all([
      query(LOCK, [seated.venueId, seated.sessionId]),
      fullWhenLoaded ? query(TAIL, [seated.sessionId]) : null,
    ]);
    const row = locked.rows.find((r) => r.kind === 'session') as { capacity: number | null; confirmed_count: number };
    const confirmed = row.capacity === null || row.confirmed_count < row.capacity;
    const position = confirmed ? null : Number((tail ?? (await query(TAIL, [seated.sessionId]))).rows[0]!.last) + 1;
    await query(RECORD_SEATS_AND_MAIL(), [
      seated.venueId,
      null,
      rid,
      confirmed ? sessions : [],
      sessions,
      [confirmed ? 'confirmed' : 'waitlisted'],
      [position],
      seated.eventId,
      email,
      PAYLOAD,
      `<${rid}@hybrid-forum.local>`,
    ]);
    await query('COMMIT');
  } catch (error) {
    await query('ROLLBACK');
    throw error;
  }
}
