import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, registrations, registrationSessions, sessions, venues } from '@/db/schema';
import { demoAccounts, seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import { actorForSession, openSession, type Actor } from '@/lib/auth/sessions';
import { grantEventRole, upsertUser } from '@/lib/auth/users';
import { announcementAudience, queueAnnouncement } from '@/lib/registration/admin/announcement';
import { cancelRegistrationAsOrganiser } from '@/lib/registration/admin/cancel';
import { registrationsCsvResponse } from '@/lib/registration/admin/csv-response';
import { csvCell } from '@/lib/registration/admin/csv';
import { registrationDashboard } from '@/lib/registration/admin/dashboard';
import { registrationDetail } from '@/lib/registration/admin/detail';
import { exportRegistrationsCsv } from '@/lib/registration/admin/export';
import { filtersKeepingValid, registrationFilterSchema, type RegistrationFilters } from '@/lib/registration/admin/filters';
import { loadMessages } from '@/lib/i18n/messages';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { fieldErrors } from '@/lib/validation/field-errors';
import { translateFields } from '@/lib/validation/translate-validation';
import { wordProblems } from '../helpers/words-guard';
import { listRegistrations, registrationPageSchema } from '@/lib/registration/admin/list';
import { promoteAtVenue, promoteSessionSeat } from '@/lib/registration/admin/promote';
import { registerAttendee } from '@/lib/registration/register';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, rows, sessionBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
const OTHER = 'other-forum';
const BIG = 'big-forum';
let t: TestDatabase;
let eventId: string;
let bigEventId: string;
const actors = {} as Record<'organiser' | 'attendee' | 'checkin' | 'speaker' | 'otherOrganiser' | 'bigOrganiser', Actor>;

async function actorFor(email: string, grant?: { eventSlug: string; role: 'organiser' | 'checkin' | 'speaker' }): Promise<Actor> {
  const userId = await upsertUser(t.db, { email, name: email.split('@')[0] });
  if (grant) await grantEventRole(t.db, { userId, ...grant });
  return (await actorForSession(t.db, await openSession(t.db, userId)))!;
}

async function register(n: string, overrides: Record<string, unknown> = {}) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now });
  if (!result.ok) throw new Error(`registration ${n} failed: ${result.error}`);
  return result.registration;
}

const filters = (raw: Record<string, string> = {}): RegistrationFilters => registrationFilterSchema.parse(raw);
const page = (raw: Record<string, string> = {}) => registrationPageSchema.parse(raw);

/** Follows "next" links from the first page to the end; returns the ids in the order shown. */
async function walkForward(actor: Actor, slug: string, f: RegistrationFilters, raw: Record<string, string>) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const result = await listRegistrations(t.db, actor, slug, f, page({ ...raw, ...(after ? { after } : {}) }));
    ids.push(...result.rows.map((r) => r.id));
    after = result.next;
    pages += 1;
  } while (after && pages < 1000);
  return ids;
}

/** A small RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [cell, i] = [`${cell}"`, i + 2];
      else if (c === '"') [quoted, i] = [false, i + 1];
      else [cell, i] = [cell + c, i + 1];
    } else if (c === '"' && cell === '') [quoted, i] = [true, i + 1];
    else if (c === ',') [record, cell, i] = [[...record, cell], '', i + 1];
    else if (c === '\r' && text[i + 1] === '\n') {
      records.push([...record, cell]);
      [record, cell, i] = [[], '', i + 2];
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    else [cell, i] = [cell + c, i + 1];
  }
  if (cell !== '' || record.length) throw new Error('last record does not end with CRLF');
  return records;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // ignoreBOM keeps the byte order mark in the text so the test can see it is there.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

async function auditCount(action?: string) {
  const found = await t.db
    .select()
    .from(auditLog)
    .where(action ? eq(auditLog.action, action) : undefined);
  return found.length;
}

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { firstDay: '2027-03-01', slug: OTHER, now: new Date('2026-11-20T00:00:00Z') });
  bigEventId = await seedDemoForum(t.db, { firstDay: '2027-05-01', slug: BIG, now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoAccounts(t.db, eventId, EVENT);
  actors.organiser = await actorFor(demoAccounts.organiser.email);
  actors.checkin = await actorFor(demoAccounts.checkin.email);
  actors.speaker = await actorFor(demoAccounts.speaker.email);
  actors.attendee = await actorFor('attendee@example.org');
  actors.otherOrganiser = await actorFor('organiser@other.example', { eventSlug: OTHER, role: 'organiser' });
  actors.bigOrganiser = await actorFor('organiser@big.example', { eventSlug: BIG, role: 'organiser' });
}, 60_000);
afterAll(() => t?.close());

describe('registrations table filters', () => {
  beforeAll(async () => {
    await register('f1', {
      name: 'Nguyen Van An',
      email: 'an@hust.example',
      organisation: 'Hanoi University',
      country: 'VN',
      participantType: 'university',
      venue: 'bangkok',
    });
    await register('f2', {
      name: 'Somsak K',
      email: 'somsak@nstda.example',
      organisation: 'NSTDA 100%',
      country: 'TH',
      participantType: 'government',
      venue: 'bangkok',
    });
    await register('f3', {
      name: 'Aiko Sato',
      email: 'aiko@u-tokyo.example',
      organisation: 'University of Tokyo',
      country: 'JP',
      participantType: 'research_institute',
      venue: 'tokyo',
    });
    await register('f4', {
      name: 'Online Olivia',
      email: 'olivia@media.example',
      organisation: 'ASEAN Post',
      country: 'SG',
      participantType: 'media',
      mode: 'online',
      venue: null,
    });
    const cancelled = await register('f5', {
      name: 'Gone Gary',
      email: 'gary@example.net',
      organisation: 'Hanoi Tech',
      country: 'VN',
      participantType: 'enterprise',
      venue: 'nanning',
    });
    await cancelRegistrationAsOrganiser(t.db, actors.organiser, EVENT, cancelled.id);
  });

  const names = async (raw: Record<string, string>) =>
    (await listRegistrations(t.db, actors.organiser, EVENT, filters(raw), page({ sort: 'oldest' }))).rows.map((r) => r.name);

  it('searches name, email and organisation case-insensitively', async () => {
    expect(await names({ q: 'nguyen' })).toEqual(['Nguyen Van An']);
    expect(await names({ q: 'NSTDA.EXAMPLE' })).toEqual(['Somsak K']);
    expect(await names({ q: 'hanoi' })).toEqual(['Nguyen Van An', 'Gone Gary']);
  });

  it('treats % and _ in the search as literal characters', async () => {
    expect(await names({ q: '100%' })).toEqual(['Somsak K']);
    expect(await names({ q: '%' })).toEqual(['Somsak K']);
    expect(await names({ q: '_' })).toEqual([]);
  });

  it('filters by venue, mode, status, country and participant type, and combines them', async () => {
    expect(await names({ venue: 'bangkok' })).toEqual(['Nguyen Van An', 'Somsak K']);
    expect(await names({ mode: 'online' })).toEqual(['Online Olivia']);
    expect(await names({ status: 'cancelled' })).toEqual(['Gone Gary']);
    expect(await names({ country: 'vn' })).toEqual(['Nguyen Van An', 'Gone Gary']);
    expect(await names({ type: 'research_institute' })).toEqual(['Aiko Sato']);
    expect(await names({ country: 'VN', status: 'confirmed' })).toEqual(['Nguyen Van An']);
    expect(await names({ venue: 'bangkok', type: 'government', q: 'som' })).toEqual(['Somsak K']);
    expect(await names({ venue: 'seoul' })).toEqual([]);
  });

  it('rejects a bad filter naming the field', () => {
    const bad = registrationFilterSchema.safeParse({ status: 'deleted', country: 'Thailand' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['country', 'status']);
  });

  it('never shows another event’s registrations', async () => {
    const other = await listRegistrations(t.db, actors.otherOrganiser, OTHER, filters(), page());
    expect(other.total).toBe(0);
    expect(other.rows).toEqual([]);
  });
});

describe('filters a person cannot use', () => {
  it("are named with validation keys, never zod's raw enum text, and read as words in en and zh", () => {
    const raw = { status: 'nope', mode: 'hybrid', type: 'alien', country: 'Atlantis', venue: 'Not A Slug', q: 'x'.repeat(300) };
    const { problems } = filtersKeepingValid(raw);
    expect(problems).toEqual({
      status: 'choose',
      mode: 'mode',
      type: 'participantType',
      country: 'country',
      venue: 'venue',
      q: 'tooLong?max=200',
    });
    const paging = registrationPageSchema.safeParse({ sort: 'sideways', size: '7', after: 'garbage' });
    expect(paging.success).toBe(false);
    expect(fieldErrors(paging.error!)).toEqual({ sort: 'choose', size: 'choose', after: 'pagePosition' });
    for (const locale of ['en', 'zh'] as const) {
      const words = Object.values(translateFields(problems, loadMessages(locale).validation as PlainMessages));
      for (const text of words) {
        expect(text).not.toMatch(/must be|one of:|in_person|research_institute|checked_in/);
        expect(wordProblems(text, locale)).toEqual([]);
      }
    }
  });
});

describe('paging through 20,000 registrations', () => {
  beforeAll(async () => {
    const nanning = (
      await t.db
        .select()
        .from(venues)
        .where(and(eq(venues.eventId, bigEventId), eq(venues.slug, 'nanning')))
    )[0]!;
    // Many rows share a created_at (i % 4000 seconds) so the id tie-break is exercised.
    await t.db.execute(sql`
      insert into registrations (event_id, email, name, organisation, country, participant_type, mode, venue_id, status, consent_at, manage_token_hash, created_at)
      select ${bigEventId}::uuid, 'big' || i || '@example.org', 'Big ' || i, 'Org ' || (i % 50),
             (array['CN','TH','JP','KR','VN'])[1 + i % 5],
             (array['government','enterprise','university','media']::participant_type[])[1 + i % 4],
             case when i % 3 = 0 then 'online'::attendance_mode else 'in_person'::attendance_mode end,
             case when i % 3 = 0 then null else ${nanning.id}::uuid end,
             case when i % 7 = 0 then 'cancelled'::registration_status else 'confirmed'::registration_status end,
             now(), 'big-' || i, timestamptz '2026-10-01 00:00:00+00' + ((i % 4000) * interval '1 second') + ((i % 3) * interval '1 microsecond')
      from generate_series(1, 20000) as i`);
    await t.db.execute(sql`analyze registrations`);
  }, 120_000);

  it('visits every row exactly once, newest first, in the database’s own order', async () => {
    const shown = await walkForward(actors.bigOrganiser, BIG, filters(), { size: '200' });
    const expected = await t.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(eq(registrations.eventId, bigEventId))
      .orderBy(desc(registrations.createdAt), desc(registrations.id));
    expect(shown).toHaveLength(20_000);
    expect(new Set(shown).size).toBe(20_000);
    expect(shown).toEqual(expected.map((e) => e.id));
  }, 120_000);

  it('pages with filters in oldest-first order and counts the whole match', async () => {
    const f = filters({ country: 'TH', mode: 'in_person', status: 'confirmed' });
    const shown = await walkForward(actors.bigOrganiser, BIG, f, { sort: 'oldest', size: '100' });
    const [expected] = rows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from generate_series(1, 20000) i where i % 5 = 1 and i % 3 <> 0 and i % 7 <> 0`),
    );
    expect(shown).toHaveLength(expected!.n);
    const first = await listRegistrations(t.db, actors.bigOrganiser, BIG, f, page({ sort: 'oldest', size: '100' }));
    expect(first.total).toBe(expected!.n);
    expect(first.previous).toBeNull();
    const created = first.rows.map((r) => r.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
  }, 120_000);

  it('goes back from a deep page to exactly the page before it', async () => {
    let current = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), page({ size: '50' }));
    const history = [current.rows.map((r) => r.id)];
    for (let i = 0; i < 5; i++) {
      current = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), page({ size: '50', after: current.next! }));
      history.push(current.rows.map((r) => r.id));
    }
    const back = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), page({ size: '50', before: current.previous! }));
    expect(back.rows.map((r) => r.id)).toEqual(history[4]);
    expect(back.next).not.toBeNull();
    const toFirst = await listRegistrations(
      t.db,
      actors.bigOrganiser,
      BIG,
      filters(),
      page({ size: '50', before: await cursorOf(history[1]![0]!) }),
    );
    expect(toFirst.rows.map((r) => r.id)).toEqual(history[0]);
    expect(toFirst.previous).toBeNull();
  }, 60_000);

  it('goes back one page in oldest-first order too', async () => {
    const oldest = (extra: Record<string, string> = {}) => page({ sort: 'oldest', size: '25', ...extra });
    const first = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), oldest());
    const second = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), oldest({ after: first.next! }));
    const third = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), oldest({ after: second.next! }));
    const back = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), oldest({ before: third.previous! }));
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    expect(back.previous).not.toBeNull();
    const created = back.rows.map((r) => r.createdAt.getTime());
    expect(created).toEqual([...created].sort((x, y) => x - y));
  }, 60_000);

  it('reads a deep page through the (event_id, created_at) index without touching the other rows', async () => {
    const middle = await t.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(eq(registrations.eventId, bigEventId))
      .orderBy(desc(registrations.createdAt), desc(registrations.id))
      .offset(15_000)
      .limit(1);
    const after = await cursorOf(middle[0]!.id);
    const [cursorAt, cursorId] = after.split('_');
    const plan = rows<{ 'QUERY PLAN': unknown }>(
      await t.db.execute(sql`
        explain (analyze, format json)
        select id from registrations
        where event_id = ${bigEventId}::uuid and created_at <= ${cursorAt}::timestamptz and (created_at, id) < (${cursorAt}::timestamptz, ${cursorId}::uuid)
        order by created_at desc, id desc limit 51`),
    );
    const json = JSON.stringify(plan[0]!['QUERY PLAN']);
    expect(json).toContain('registrations_event_created_idx');
    expect(json).not.toContain('"Seq Scan"');
    // The index is entered at the cursor: rows before it are never read.
    const actualRows = [...json.matchAll(/"Actual Rows":\s*([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...actualRows)).toBeLessThan(1_000);
    // And the function under test pages from there to the same rows as OFFSET does.
    const deep = await listRegistrations(t.db, actors.bigOrganiser, BIG, filters(), page({ size: '50', after }));
    const byOffset = await t.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(eq(registrations.eventId, bigEventId))
      .orderBy(desc(registrations.createdAt), desc(registrations.id))
      .offset(15_001)
      .limit(50);
    expect(deep.rows.map((r) => r.id)).toEqual(byOffset.map((r) => r.id));
  }, 60_000);
});

async function seoulVenue() {
  const [venue] = await t.db
    .select()
    .from(venues)
    .where(and(eq(venues.eventId, eventId), eq(venues.slug, 'seoul')));
  return venue!;
}

async function cursorOf(id: string): Promise<string> {
  const [row] = rows<{ c: string }>(
    await t.db.execute(
      sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || id as c from registrations where id = ${id}::uuid`,
    ),
  );
  return row!.c;
}

describe('CSV export', () => {
  let hostileId: string;
  beforeAll(async () => {
    const hostile = await register('csv1', {
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'csv1@example.org',
      organisation: '+cmd|calc',
      jobTitle: '-2+3',
      needs: 'Wheelchair, "aisle" seat\nand vegetarian',
      country: 'TH',
      venue: 'bangkok',
    });
    hostileId = hostile.id;
    // Tab and CR cannot come in through the form; write them directly to prove the export guards anyway.
    await t.db.update(registrations).set({ jobTitle: '\t=1+1', organisation: '\r=2+2' }).where(eq(registrations.email, 'csv1@example.org'));
    await register('csv2', {
      name: '@SUM(A1:A9)',
      email: 'csv2@example.org',
      organisation: 'Plain, with comma',
      country: 'TH',
      venue: 'bangkok',
    });
    await register('csv3', { name: '李 伟', email: 'csv3@example.org', organisation: '广西大学', country: 'CN' });
  });

  it('writes RFC 4180 with a BOM and CRLF, and neutralises cells that spreadsheets would run', async () => {
    const csv = await exportRegistrationsCsv(t.db, actors.organiser, EVENT, filters({ q: 'csv' }));
    const text = await readAll(csv.stream);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...records] = parseCsv(text.slice(1));
    expect(header![0]).toBe('id');
    const at = (name: string) => header!.indexOf(name);
    expect(records).toHaveLength(3);
    const hostile = records.find((r) => r[at('id')] === hostileId)!;
    expect(hostile[at('name')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(hostile[at('organisation')]).toBe(`'\r=2+2`);
    expect(hostile[at('job_title')]).toBe(`'\t=1+1`);
    expect(hostile[at('needs')]).toBe('Wheelchair, "aisle" seat\nand vegetarian');
    const sum = records.find((r) => r[at('email')] === 'csv2@example.org')!;
    expect(sum[at('name')]).toBe(`'@SUM(A1:A9)`);
    expect(sum[at('organisation')]).toBe('Plain, with comma');
    const chinese = records.find((r) => r[at('email')] === 'csv3@example.org')!;
    expect(chinese[at('name')]).toBe('李 伟');
    expect(chinese[at('organisation')]).toBe('广西大学');
    // No cell in the whole file starts with a formula character.
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('quotes exactly the cells that need it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('Ministry; Science Dept')).toBe('"Ministry; Science Dept"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('-5')).toBe(`'-5`);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('uses the same filters as the table and streams every row of a large export', async () => {
    const table = await listRegistrations(t.db, actors.organiser, EVENT, filters({ venue: 'bangkok' }), page());
    const csv = parseCsv(
      (await readAll((await exportRegistrationsCsv(t.db, actors.organiser, EVENT, filters({ venue: 'bangkok' }))).stream)).slice(1),
    );
    expect(
      csv
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(table.rows.map((r) => r.id).sort());

    const big = parseCsv(
      (await readAll((await exportRegistrationsCsv(t.db, actors.bigOrganiser, BIG, filters({ country: 'KR' }))).stream)).slice(1),
    );
    expect(big).toHaveLength(1 + 4000);
    expect(new Set(big.slice(1).map((r) => r[0])).size).toBe(4000);
  }, 60_000);

  it('answers 401, 403 and 422 from the route, and the file with download headers', async () => {
    const params = new URLSearchParams({ venue: 'bangkok' });
    expect((await registrationsCsvResponse(t.db, null, EVENT, params)).status).toBe(401);
    for (const who of ['attendee', 'checkin', 'speaker', 'otherOrganiser'] as const) {
      const refused = await registrationsCsvResponse(t.db, actors[who], EVENT, params);
      expect(refused.status, who).toBe(403);
      // A refusal is not cached either: the same address answers the file once the role is granted.
      expect(refused.headers.get('cache-control'), who).toBe('no-store');
      expect(await refused.text()).not.toContain('@');
    }
    // A stranger with a bad filter still gets 403, not a validation hint.
    expect((await registrationsCsvResponse(t.db, actors.otherOrganiser, EVENT, new URLSearchParams({ status: 'nope' }))).status).toBe(403);
    const invalid = await registrationsCsvResponse(t.db, actors.organiser, EVENT, new URLSearchParams({ status: 'nope' }));
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('cache-control')).toBe('no-store');
    expect((await invalid.json()).fields).toEqual({ status: 'Choose one of the options.' });
    const inChinese = await registrationsCsvResponse(t.db, actors.organiser, EVENT, new URLSearchParams({ type: 'alien' }), 'zh');
    expect((await inChinese.json()).fields).toEqual({ type: (loadMessages('zh').validation as Record<string, string>).participantType });
    const ok = await registrationsCsvResponse(t.db, actors.organiser, EVENT, params);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ok.headers.get('content-disposition')).toMatch(
      /^attachment; filename="registrations-china-asean-tech-forum-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(await ok.text()).toContain('csv1@example.org');
  });
});

describe('manual cancel and promote', () => {
  it('cancelling a confirmed registrant promotes the first in line at the venue and in the session, and is audited', async () => {
    const seoul = await seoulVenue();
    await t.db
      .update(venues)
      .set({ capacity: seoul.confirmedCount + 1 })
      .where(eq(venues.id, seoul.id));
    const panel = await sessionBySlug(t.db, 'seoul-clinical-data');
    await t.db.update(sessions).set({ capacity: 1 }).where(eq(sessions.id, panel));
    const first = await register('c1', { venue: 'seoul', sessions: [panel] });
    const second = await register('c2', { venue: 'seoul', sessions: [panel] });
    const third = await register('c3', { venue: 'seoul', sessions: [panel] });
    expect([first.status, second.status, third.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);

    const result = await cancelRegistrationAsOrganiser(t.db, actors.organiser, EVENT, first.id, 'duplicate');
    expect(result).toEqual({ ok: true });
    const after = await t.db.select().from(registrations).where(eq(registrations.venueId, seoul.id)).orderBy(asc(registrations.email));
    const byEmail = new Map(after.map((r) => [r.email, r]));
    expect(byEmail.get('pc1@example.org')!.status).toBe('cancelled');
    expect(byEmail.get('pc2@example.org')!).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(byEmail.get('pc3@example.org')!).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const seats = await t.db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, panel));
    expect(seats.find((s) => s.registrationId === second.id)!.status).toBe('confirmed');
    expect(seats.find((s) => s.registrationId === third.id)!).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const promotedMail = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.registrationId, second.id), eq(outbox.kind, 'registration.promoted')));
    expect(promotedMail).toHaveLength(1);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registration.cancel'), eq(auditLog.entityId, first.id)));
    expect(audit).toMatchObject({ eventId, actorUserId: actors.organiser.userId, entity: 'registration' });
    expect(audit!.details).toMatchObject({ reason: 'duplicate', previousStatus: 'confirmed' });

    const again = await cancelRegistrationAsOrganiser(t.db, actors.organiser, EVENT, first.id);
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('promotes a chosen waitlisted registrant only when a seat is free, closing the gap behind them', async () => {
    const seoul = await seoulVenue();
    const fourth = await register('c4', { venue: 'seoul' });
    const fifth = await register('c5', { venue: 'seoul' });
    const waiting = async () =>
      (
        await t.db
          .select()
          .from(registrations)
          .where(and(eq(registrations.venueId, seoul.id), eq(registrations.status, 'waitlisted')))
      ).sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect((await waiting()).map((r) => r.email)).toEqual(['pc3@example.org', 'pc4@example.org', 'pc5@example.org']);

    const full = await promoteAtVenue(t.db, actors.organiser, EVENT, fourth.id);
    expect(full).toMatchObject({ ok: false, code: 'conflict' });
    expect(!full.ok && full.error).toMatch(/No seat is free at Seoul.*\d+ of \d+ are taken/);
    expect((await waiting()).map((r) => r.email)).toEqual(['pc3@example.org', 'pc4@example.org', 'pc5@example.org']);

    await t.db
      .update(venues)
      .set({ capacity: sql`${venues.capacity} + 1` })
      .where(eq(venues.id, seoul.id));
    const auditsBefore = await auditCount('registration.promote');
    expect(await promoteAtVenue(t.db, actors.organiser, EVENT, fourth.id)).toEqual({ ok: true, promoted: fourth.id });
    const [promoted] = await t.db.select().from(registrations).where(eq(registrations.id, fourth.id));
    expect(promoted).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect((await waiting()).map((r) => [r.email, r.waitlistPosition])).toEqual([
      ['pc3@example.org', 1],
      ['pc5@example.org', 2],
    ]);
    const [venueAfter] = await t.db.select().from(venues).where(eq(venues.id, seoul.id));
    expect(venueAfter!.confirmedCount).toBe(venueAfter!.capacity);
    expect(await auditCount('registration.promote')).toBe(auditsBefore + 1);
    expect(
      await t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.registrationId, fourth.id), eq(outbox.kind, 'registration.promoted'))),
    ).toHaveLength(1);
    expect(await promoteAtVenue(t.db, actors.organiser, EVENT, fifth.id)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await promoteAtVenue(t.db, actors.organiser, EVENT, fourth.id)).toMatchObject({
      ok: false,
      code: 'conflict',
      error: 'This registration is not on a venue waitlist',
    });
  });

  it('promotes a session seat only when the session has room', async () => {
    const panel = await sessionBySlug(t.db, 'seoul-clinical-data');
    const third = (await t.db.select().from(registrations).where(eq(registrations.email, 'pc3@example.org')))[0]!;
    // Still waitlisted for the venue: a session seat there is not theirs to take (issue 13.6).
    const notAdmitted = await promoteSessionSeat(t.db, actors.organiser, EVENT, third.id, panel);
    expect(notAdmitted).toMatchObject({ ok: false, code: 'conflict', error: expect.stringContaining('still waitlisted for the venue') });
    const seoul = await seoulVenue();
    await t.db
      .update(venues)
      .set({ capacity: sql`${venues.capacity} + 1` })
      .where(eq(venues.id, seoul.id));
    expect(await promoteAtVenue(t.db, actors.organiser, EVENT, third.id)).toEqual({ ok: true, promoted: third.id });
    const full = await promoteSessionSeat(t.db, actors.organiser, EVENT, third.id, panel);
    expect(full).toMatchObject({ ok: false, code: 'conflict' });
    expect(!full.ok && full.error).toMatch(/No seat is free at “Korea-ASEAN Panel: Clinical Data Partnerships”: 1 of 1 are taken/);
    await t.db.update(sessions).set({ capacity: 2 }).where(eq(sessions.id, panel));
    expect(await promoteSessionSeat(t.db, actors.organiser, EVENT, third.id, panel)).toEqual({ ok: true, promoted: third.id });
    const seats = await t.db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, panel));
    expect(seats.filter((s) => s.status === 'confirmed')).toHaveLength(2);
    expect(seats.filter((s) => s.status === 'waitlisted')).toHaveLength(0);
    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, panel));
    expect(session!.confirmedCount).toBe(2);
    expect(await auditCount('registration.session.promote')).toBe(1);
  });

  it('shows all fields, chosen seats and the registrant’s mails in the detail view', async () => {
    const panel = await sessionBySlug(t.db, 'seoul-clinical-data');
    const third = (await t.db.select().from(registrations).where(eq(registrations.email, 'pc3@example.org')))[0]!;
    const detail = (await registrationDetail(t.db, actors.organiser, EVENT, third.id))!;
    expect(detail.registration).toMatchObject({ email: 'pc3@example.org', status: 'confirmed', mode: 'in_person', country: 'CN' });
    expect(detail.registration).not.toHaveProperty('manageTokenHash');
    expect(detail.venue!.slug).toBe('seoul');
    expect(detail.seats).toEqual([expect.objectContaining({ sessionId: panel, status: 'confirmed', takesSeat: true })]);
    expect(detail.mails.map((m) => m.kind).sort()).toEqual(['registration.promoted', 'registration.promoted', 'registration.waitlisted']);
    // A registration of this event looked up under another event's slug is not found.
    expect(await registrationDetail(t.db, actors.otherOrganiser, OTHER, third.id)).toBeNull();
    expect(await cancelRegistrationAsOrganiser(t.db, actors.otherOrganiser, OTHER, third.id)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await promoteAtVenue(t.db, actors.otherOrganiser, OTHER, third.id)).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('announcements', () => {
  it('queues exactly one mail per matching registrant, skipping cancelled ones, in one audited transaction', async () => {
    const f = { country: 'VN' };
    const matching = await t.db
      .select({ id: registrations.id, email: registrations.email })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.country, 'VN'), sql`${registrations.status} <> 'cancelled'`));
    expect(matching.length).toBeGreaterThan(0);
    expect(await announcementAudience(t.db, actors.organiser, EVENT, filters(f))).toBe(matching.length);

    const result = await queueAnnouncement(t.db, actors.organiser, EVENT, {
      subject: 'Shuttle bus times',
      body: 'The shuttle leaves at 08:00.\n\nSee you there.',
      filters: f,
    });
    expect(result).toEqual({ ok: true, queued: matching.length });
    const mails = await t.db.select().from(outbox).where(eq(outbox.kind, 'announcement'));
    expect(mails).toHaveLength(matching.length);
    expect(mails.map((m) => m.registrationId).sort()).toEqual(matching.map((m) => m.id).sort());
    expect(mails.map((m) => m.toAddress).sort()).toEqual(matching.map((m) => m.email).sort());
    expect(mails[0]).toMatchObject({ subject: 'Shuttle bus times', status: 'queued', eventId });
    expect(mails[0]!.text).toContain('The shuttle leaves at 08:00.');
    expect(mails[0]!.text).toContain('/manage/');
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'announcement.queue'));
    expect(audit!.details).toMatchObject({ subject: 'Shuttle bus times', recipients: matching.length });
  });

  it('queues a double-submitted form once', async () => {
    const requestId = '6f1f4a52-9d5e-4c1e-9a53-6b1f6f0e2a10';
    const input = { subject: 'Twice clicked', body: 'Once only', filters: { mode: 'online' }, requestId };
    const [a, b] = await Promise.all([
      queueAnnouncement(t.db, actors.organiser, EVENT, input),
      queueAnnouncement(t.db, actors.organiser, EVENT, input),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect([a, b].filter((r) => r.ok && r.repeated)).toHaveLength(1);
    const mails = await t.db.select().from(outbox).where(eq(outbox.subject, 'Twice clicked'));
    expect(mails.length).toBeGreaterThan(0);
    expect(new Set(mails.map((m) => m.registrationId)).size).toBe(mails.length);
  });

  it('escapes the body in HTML', async () => {
    await queueAnnouncement(t.db, actors.organiser, EVENT, {
      subject: 'Markup',
      body: '<script>alert(1)</script>',
      filters: { q: 'olivia' },
    });
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.subject, 'Markup'));
    expect(mail!.html).toContain('&lt;script&gt;');
    expect(mail!.html).not.toContain('<script>');
  });

  it('rejects an empty subject or body naming the field, and queues nothing', async () => {
    const before = (await t.db.select().from(outbox)).length;
    const noSubject = await queueAnnouncement(t.db, actors.organiser, EVENT, { subject: '  ', body: 'x', filters: {} });
    expect(noSubject).toMatchObject({ ok: false, code: 'invalid', fields: { subject: 'subject' } });
    const injected = await queueAnnouncement(t.db, actors.organiser, EVENT, {
      subject: 'Hi\r\nBcc: all@example.org',
      body: 'x',
      filters: {},
    });
    expect(injected).toMatchObject({ ok: false, fields: { subject: 'oneLine' } });
    const noBody = await queueAnnouncement(t.db, actors.organiser, EVENT, { subject: 'Hi', body: '', filters: { status: 'gone' } });
    expect(noBody).toMatchObject({ ok: false, fields: { body: 'body', filters: expect.any(String) } });
    expect((await t.db.select().from(outbox)).length).toBe(before);
  });
});

describe('dashboard', () => {
  it('counts registrations per day in the event zone, by venue, mode, country and type, and seats per session', async () => {
    const dashboard = await registrationDashboard(t.db, actors.organiser, EVENT);
    const [all] = rows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from registrations where event_id = ${eventId}::uuid`),
    );
    expect(dashboard.perDay.reduce((sum, d) => sum + d.count, 0)).toBe(all!.n);
    expect(dashboard.perDay.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.key))).toBe(true);
    const activeTotal = dashboard.byMode.reduce((sum, m) => sum + m.count, 0);
    expect(dashboard.byVenue.reduce((sum, v) => sum + v.count, 0)).toBe(activeTotal);
    expect(dashboard.byCountry.reduce((sum, v) => sum + v.count, 0)).toBe(activeTotal);
    expect(dashboard.byParticipantType.reduce((sum, v) => sum + v.count, 0)).toBe(activeTotal);
    expect(dashboard.byVenue.find((v) => v.key === 'online')!.count).toBe(dashboard.byMode.find((m) => m.key === 'online')!.count);
    const panel = dashboard.sessions.find((s) => s.title.en.includes('Clinical Data'))!;
    expect(panel).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 0, chosen: 2 });
    const seoul = dashboard.venues.find((v) => v.slug === 'seoul')!;
    expect(seoul.waitlisted).toBe(1);
    expect(seoul.confirmed).toBe(seoul.capacity);
  });
});

describe('authorization', () => {
  const refusedActors = ['anonymous', 'attendee', 'checkin', 'speaker', 'otherOrganiser'] as const;

  it.each(refusedActors)('refuses %s in every organiser registration function, and writes nothing', async (who) => {
    const actor = who === 'anonymous' ? null : actors[who];
    const expectedReason = who === 'anonymous' ? 'signed-out' : 'forbidden';
    const [target] = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'waitlisted')))
      .limit(1);
    const panel = await sessionBySlug(t.db, 'seoul-clinical-data');
    const before = { audits: await auditCount(), mails: (await t.db.select().from(outbox)).length };
    const calls: [string, () => Promise<unknown>][] = [
      ['listRegistrations', () => listRegistrations(t.db, actor, EVENT, filters(), page())],
      ['registrationDetail', () => registrationDetail(t.db, actor, EVENT, target!.id)],
      ['cancelRegistrationAsOrganiser', () => cancelRegistrationAsOrganiser(t.db, actor, EVENT, target!.id)],
      ['promoteAtVenue', () => promoteAtVenue(t.db, actor, EVENT, target!.id)],
      ['promoteSessionSeat', () => promoteSessionSeat(t.db, actor, EVENT, target!.id, panel)],
      ['exportRegistrationsCsv', () => exportRegistrationsCsv(t.db, actor, EVENT, filters())],
      ['registrationDashboard', () => registrationDashboard(t.db, actor, EVENT)],
      ['queueAnnouncement', () => queueAnnouncement(t.db, actor, EVENT, { subject: 'Hi', body: 'Hello', filters: {} })],
      ['announcementAudience', () => announcementAudience(t.db, actor, EVENT, filters())],
      ['unknown event', () => listRegistrations(t.db, actor, 'no-such-forum', filters(), page())],
    ];
    for (const [name, call] of calls) {
      const outcome = await call().then(
        () => 'allowed',
        (error: unknown) => (error instanceof AuthorizationError ? error.reason : String(error)),
      );
      expect(outcome, name).toBe(expectedReason);
    }
    const [unchanged] = await t.db.select().from(registrations).where(eq(registrations.id, target!.id));
    expect(unchanged!.status).toBe('waitlisted');
    expect(await auditCount()).toBe(before.audits);
    expect((await t.db.select().from(outbox)).length).toBe(before.mails);
  });

  it('lets the organiser in (the control for the refusals above)', async () => {
    const [all] = rows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from registrations r join events e on e.id = r.event_id where e.slug = ${EVENT}`),
    );
    expect(all!.n).toBeGreaterThan(0);
    await expect(listRegistrations(t.db, actors.organiser, EVENT, filters(), page())).resolves.toMatchObject({ total: all!.n });
    const dashboard = await registrationDashboard(t.db, actors.organiser, EVENT);
    expect(dashboard.event.slug).toBe(EVENT);
    expect(dashboard.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(all!.n);
  });
});

describe(`database (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps venue counters equal to the confirmed registrations after all the above', async () => {
    const counters = rows<{ slug: string; counter: number; actual: number }>(
      await t.db.execute(sql`
        select v.slug, v.confirmed_count as counter,
               (select count(*)::int from registrations r where r.venue_id = v.id and r.status in ('confirmed', 'checked_in')) as actual
        from venues v where v.event_id = ${eventId}::uuid`),
    );
    for (const c of counters) expect(c.counter, c.slug).toBe(c.actual);
  });
});

describe('demo registrations', () => {
  it('seed a fresh demo through the real registration path, leaving workshop seats for visitors', async () => {
    const demo = await createTestDatabase();
    try {
      const id = await seedDemoForum(demo.db);
      const { seedDemoRegistrations, DEMO_REGISTRATION_COUNT } = await import('@/lib/demo/demo-registrations');
      expect(await seedDemoRegistrations(demo.db, EVENT)).toBe(DEMO_REGISTRATION_COUNT);
      const regs = await demo.db.select().from(registrations).where(eq(registrations.eventId, id));
      expect(regs).toHaveLength(DEMO_REGISTRATION_COUNT);
      expect(new Set(regs.map((r) => r.country)).size).toBeGreaterThan(5);
      expect(new Set(regs.map((r) => r.venueId)).size).toBeGreaterThan(3);
      const days = new Set(regs.map((r) => r.createdAt.toISOString().slice(0, 10)));
      expect(days.size).toBeGreaterThan(5);
      const [workshop] = await demo.db
        .select()
        .from(sessions)
        .where(and(eq(sessions.eventId, id), eq(sessions.slug, 'young-scientists-workshop')));
      const seats = await demo.db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, workshop!.id));
      expect(seats.filter((s) => s.status === 'confirmed')).toHaveLength(24);
      expect(workshop!.confirmedCount).toBe(24);
      const counters = rows<{ counter: number; actual: number }>(
        await demo.db.execute(
          sql`select s.confirmed_count as counter, (select count(*)::int from registration_sessions rs join registrations r on r.id = rs.registration_id where rs.session_id = s.id and rs.status = 'confirmed' and r.mode = 'in_person' and r.venue_id = s.venue_id) as actual from sessions s where s.event_id = ${id}::uuid and s.capacity is not null`,
        ),
      );
      for (const c of counters) expect(c.counter).toBe(c.actual);
      expect(await demo.db.$count(outbox)).toBe(DEMO_REGISTRATION_COUNT);
    } finally {
      await demo.close();
    }
  }, 60_000);
});
