// The desk's search: part of a name (Thai, Chinese, Vietnamese, Latin), an email or an organisation,
// any case; only the staff member's venue; LIKE's own characters searched as themselves; and, on
// PostgreSQL with 20,000 registrations, a plan that uses the trigram index instead of reading the table.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Actor } from '@/lib/auth/sessions';
import { deskSearchQuery, searchDesk } from '@/lib/checkin/search';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let bangkokDesk: Actor;
let organiser: Actor;

async function register(n: string, overrides: Record<string, unknown>) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk.bkk@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
  await register('thai', { name: 'สมชาย ใจดี', email: 'somchai@nstda.example', organisation: 'NSTDA', venue: 'bangkok', country: 'TH' });
  await register('zh', { name: '王小明', email: 'wang@gxu.example', organisation: '广西大学', venue: 'bangkok' });
  await register('vi', {
    name: 'Nguyễn Văn An',
    email: 'an@hust.example',
    organisation: 'Hanoi University',
    venue: 'bangkok',
    country: 'VN',
  });
  await register('pct', { name: 'Percy 100% Sure', email: 'percy@example.org', organisation: 'Under_Score Ltd', venue: 'bangkok' });
  await register('nanning', { name: 'สมศรี มีสุข', email: 'somsri@example.org', organisation: 'NSTDA', venue: 'nanning', country: 'TH' });
});
afterAll(() => t?.close());

const names = async (actor: Actor, typed: string) => (await searchDesk(t.db, actor, EVENT, typed)).map((m) => m.name);

describe(`desk search (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('finds part of a Thai, Chinese or Vietnamese name, an email or an organisation, in any case', async () => {
    expect(await names(bangkokDesk, 'ใจด')).toEqual(['สมชาย ใจดี']);
    expect(await names(bangkokDesk, '小明')).toEqual(['王小明']);
    expect(await names(bangkokDesk, 'VĂN')).toEqual(['Nguyễn Văn An']);
    expect(await names(bangkokDesk, 'WANG@GXU')).toEqual(['王小明']);
    expect(await names(bangkokDesk, '广西大')).toEqual(['王小明']);
    expect(await names(bangkokDesk, 'nstda')).toEqual(['สมชาย ใจดี']);
  });

  it('staff of one venue find only their venue’s people; event-wide staff find everyone', async () => {
    expect(await names(bangkokDesk, 'สม')).toEqual(['สมชาย ใจดี']);
    expect((await names(organiser, 'สม')).sort()).toEqual(['สมชาย ใจดี', 'สมศรี มีสุข'].sort());
  });

  it('% and _ typed into the box are searched for as themselves; one character finds nothing', async () => {
    expect(await names(bangkokDesk, '0%')).toEqual(['Percy 100% Sure']);
    expect(await names(bangkokDesk, 'r_s')).toEqual(['Percy 100% Sure']);
    // Unescaped, '%%' would match everyone and '__' every name of two letters or more.
    expect(await names(bangkokDesk, '%%')).toEqual([]);
    expect(await names(bangkokDesk, '__')).toEqual([]);
    expect(await names(bangkokDesk, 'a')).toEqual([]);
  });

  it.runIf(usingPostgres)('on 20,000 registrations the plan reads the trigram index, not the table', async () => {
    const [event] = await t.db.select({ id: events.id }).from(events).where(sql`${events.slug} = ${EVENT}`);
    const bangkok = await venueBySlug(t.db, 'bangkok');
    await t.db.execute(sql`
      insert into registrations (event_id, email, name, organisation, country, participant_type, mode, venue_id, status, consent_at, manage_token_hash)
      select ${event!.id}, 'bulk' || g || '@example.org',
             (array['Anan','Wei','Yuki','Minh','Siti','Kenji','Ji-woo','Nur','Arjun','Lan'])[1 + g % 10] || ' ' ||
             (array['Tan','Lee','Sato','Nguyen','Rahman','Kim','Chen','Wong','Lim','Park','Suzuki','Tran'])[1 + (g / 10) % 12] || ' ' || g,
             'Organisation ' || (g % 500), 'TH',
             'young_scientist', 'in_person', ${bangkok.id}, 'confirmed', now(), 'bulk-' || g
      from generate_series(1, 20000) as g`);
    // As autovacuum leaves a table: statistics gathered and the GIN index's pending list merged (rows
    // just inserted sit in that list, which every index scan reads whole).
    await t.db.execute(sql`vacuum analyze registrations`);
    const plan = await t.db.execute<{ 'QUERY PLAN': string }>(sql`explain ${deskSearchQuery(t.db, event!.id, [bangkok.id], 'ใจดี')}`);
    const text = (Array.isArray(plan) ? plan : (plan as { rows: unknown[] }).rows).map((r) => Object.values(r as object)[0]).join('\n');
    expect(text).toContain('registrations_desk_search_idx');
    expect(text).not.toMatch(/Seq Scan on registrations/);
    expect(await names(bangkokDesk, 'ใจดี')).toEqual(['สมชาย ใจดี']);
  });
});
