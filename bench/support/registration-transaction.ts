// The registration transaction of lib/registration/register.ts as bare SQL, for measuring what the
// database alone can do: the reads before the transaction (event, venue, sessions, relays), then
// insert the registration, lock venue and session rows FOR NO KEY UPDATE in id order, take the seat
// or the next waitlist place, read what the mail needs, queue the mail in the outbox, commit.
// Two spellings of the same statements: a pgbench script (PostgreSQL) and a function (PGlite).
import { randomUUID } from 'node:crypto';
import type { SeatedSession } from '../../tests/helpers/seated-session';

const MAIL_HTML = `<p>Load participant,</p><p>Registration confirmed: The 10th Forum on China-ASEAN Technology Transfer and Collaborative Innovation</p><ul><li>2026-12-24 10:00–11:00 UTC+08:00 Seated session</li></ul><p><a href="http://127.0.0.1/manage/x">http://127.0.0.1/manage/x</a></p>`;
const MAIL_TEXT = 'Load participant,\n\nRegistration confirmed: The 10th Forum on China-ASEAN Technology Transfer and Collaborative Innovation\n\n- 2026-12-24 10:00–11:00 UTC+08:00 Seated session\n\nhttp://127.0.0.1/manage/x';

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A pgbench script (run with -M prepared, where :name is a bound parameter). */
export function pgbenchScript(seated: SeatedSession): string {
  const event = quote(seated.eventId);
  const venue = quote(seated.venueId);
  const session = quote(seated.sessionId);
  // Venue ids and session ids are locked in id order, like lockSeats; one of each here.
  return `
SELECT id, status, registration_opens_at, registration_closes_at FROM events WHERE slug = ${quote(seated.eventSlug)};
SELECT id, slug, kind FROM venues WHERE event_id = ${event} AND slug = ${quote(seated.venueSlug)};
SELECT id, event_id, venue_id, status, streamed FROM sessions WHERE id IN (${session});
SELECT session_id FROM session_relays WHERE session_id IN (${session}) AND venue_id = ${venue};
BEGIN;
SELECT gen_random_uuid() AS rid, md5(random()::text) AS token \\gset
INSERT INTO registrations (id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, status, needs, locale, consent_at, manage_token_hash)
  VALUES (:rid, ${event}, 'pgbench-' || :rid || '@example.org', 'Load participant', 'Guangxi University', 'Researcher', 'CN', 'enterprise', 'in_person', ${venue}, 'confirmed', '', 'en', now(), :token)
  ON CONFLICT DO NOTHING RETURNING id;
SELECT id, capacity, confirmed_count FROM venues WHERE id IN (${venue}) ORDER BY id FOR NO KEY UPDATE;
SELECT id, venue_id, coalesce(capacity, 2147483647) AS capacity, confirmed_count FROM sessions WHERE id IN (${session}) ORDER BY id FOR NO KEY UPDATE \\gset
UPDATE venues SET confirmed_count = confirmed_count + 1 WHERE id = ${venue};
UPDATE registrations SET status = 'confirmed', waitlist_position = NULL WHERE id = :rid;
\\if :confirmed_count < :capacity
UPDATE sessions SET confirmed_count = confirmed_count + 1 WHERE id = ${session};
INSERT INTO registration_sessions (registration_id, session_id, status) VALUES (:rid, ${session}, 'confirmed');
\\else
SELECT coalesce(max(waitlist_position), 0)::int + 1 AS position FROM registration_sessions WHERE session_id = ${session} AND status = 'waitlisted' \\gset
INSERT INTO registration_sessions (registration_id, session_id, status, waitlist_position) VALUES (:rid, ${session}, 'waitlisted', :position);
\\endif
SELECT r.*, e.*, v.* FROM registrations r JOIN events e ON e.id = r.event_id LEFT JOIN venues v ON v.id = r.venue_id WHERE r.id = :rid;
SELECT s.*, rs.* FROM registration_sessions rs JOIN sessions s ON s.id = rs.session_id WHERE rs.registration_id = :rid ORDER BY s.starts_at;
INSERT INTO outbox (id, kind, event_id, registration_id, to_address, to_name, subject, html, text, attachments, message_id)
  VALUES (:rid, 'registration.confirmed', ${event}, :rid, 'pgbench-' || :rid || '@example.org', 'Load participant', 'Registration confirmed: The 10th Forum', ${quote(MAIL_HTML)}, ${quote(MAIL_TEXT)}, '[]', '<' || :rid || '@hybrid-forum.local>');
COMMIT;
`;
}

export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** The same statements through one connection (PGlite has only one). */
export async function registerBare(query: Query, seated: SeatedSession): Promise<void> {
  await query('SELECT id, status, registration_opens_at, registration_closes_at FROM events WHERE slug = $1', [seated.eventSlug]);
  await query('SELECT id, slug, kind FROM venues WHERE event_id = $1 AND slug = $2', [seated.eventId, seated.venueSlug]);
  await query('SELECT id, event_id, venue_id, status, streamed FROM sessions WHERE id IN ($1)', [seated.sessionId]);
  await query('SELECT session_id FROM session_relays WHERE session_id IN ($1) AND venue_id = $2', [seated.sessionId, seated.venueId]);
  const rid = randomUUID();
  const email = `bare-${rid}@example.org`;
  await query('BEGIN');
  try {
    await query(
      `INSERT INTO registrations (id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, status, needs, locale, consent_at, manage_token_hash)
       VALUES ($1, $2, $3, 'Load participant', 'Guangxi University', 'Researcher', 'CN', 'enterprise', 'in_person', $4, 'confirmed', '', 'en', now(), $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [rid, seated.eventId, email, seated.venueId, rid.replace(/-/g, '')],
    );
    await query('SELECT id, capacity, confirmed_count FROM venues WHERE id IN ($1) ORDER BY id FOR NO KEY UPDATE', [seated.venueId]);
    const { rows } = await query('SELECT id, venue_id, capacity, confirmed_count FROM sessions WHERE id IN ($1) ORDER BY id FOR NO KEY UPDATE', [seated.sessionId]);
    await query('UPDATE venues SET confirmed_count = confirmed_count + 1 WHERE id = $1', [seated.venueId]);
    await query("UPDATE registrations SET status = 'confirmed', waitlist_position = NULL WHERE id = $1", [rid]);
    const session = rows[0] as { capacity: number | null; confirmed_count: number };
    if (session.capacity === null || session.confirmed_count < session.capacity) {
      await query('UPDATE sessions SET confirmed_count = confirmed_count + 1 WHERE id = $1', [seated.sessionId]);
      await query("INSERT INTO registration_sessions (registration_id, session_id, status) VALUES ($1, $2, 'confirmed')", [rid, seated.sessionId]);
    } else {
      const last = await query("SELECT coalesce(max(waitlist_position), 0)::int + 1 AS position FROM registration_sessions WHERE session_id = $1 AND status = 'waitlisted'", [seated.sessionId]);
      await query("INSERT INTO registration_sessions (registration_id, session_id, status, waitlist_position) VALUES ($1, $2, 'waitlisted', $3)", [rid, seated.sessionId, last.rows[0]!.position]);
    }
    await query('SELECT r.*, e.*, v.* FROM registrations r JOIN events e ON e.id = r.event_id LEFT JOIN venues v ON v.id = r.venue_id WHERE r.id = $1', [rid]);
    await query('SELECT s.*, rs.* FROM registration_sessions rs JOIN sessions s ON s.id = rs.session_id WHERE rs.registration_id = $1 ORDER BY s.starts_at', [rid]);
    await query(
      `INSERT INTO outbox (id, kind, event_id, registration_id, to_address, to_name, subject, html, text, attachments, message_id)
       VALUES ($1, 'registration.confirmed', $2, $1, $3, 'Load participant', 'Registration confirmed: The 10th Forum', $4, $5, '[]', $6)`,
      [rid, seated.eventId, email, MAIL_HTML, MAIL_TEXT, `<${rid}@hybrid-forum.local>`],
    );
    await query('COMMIT');
  } catch (error) {
    await query('ROLLBACK');
    throw error;
  }
}
