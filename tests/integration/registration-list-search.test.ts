// The organisers' registration search (`q=` on the list, the CSV export and announcements): part of
// a name, an email or an organisation, in any script and case, within one field; LIKE's own
// characters as themselves; and, on PostgreSQL with 20,000 registrations, a plan that reads the
// trigram index (registrations_desk_search_idx) instead of every row.
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { registrationConditions, registrationFilterSchema } from '@/lib/registration/admin/filters';
import { listRegistrations, registrationPageSchema } from '@/lib/registration/admin/list';
import { hasTrigram } from '@/lib/registration/search-text';
import type { Actor } from '@/lib/auth/sessions';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, rows } from '../helpers/registration';

let t: TestDatabase;
let eventId: string;
let organiser: Actor;

const people = [
  { name: 'Nguyễn Thị Lan', email: 'lan@hust.example', organisation: 'Hanoi University' },
  { name: 'สมชาย ใจดี', email: 'somchai@nstda.example', organisation: 'NSTDA 100%' },
  { name: '王小明', email: 'wang@cas.example', organisation: '中国科学院' },
  { name: 'Aiko Sato', email: 'aiko_s@u-tokyo.example', organisation: 'University of Tokyo' },
];

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  for (const [i, p] of people.entries())
    await t.db.execute(sql`
      insert into registrations (event_id, email, name, organisation, country, participant_type, mode, status, consent_at, manage_token_hash, created_at)
      values (${eventId}, ${p.email}, ${p.name}, ${p.organisation}, 'TH', 'university', 'online', 'confirmed', now(), ${`search-${i}`},
              now() - make_interval(mins => ${i}))`);
}, 60_000);
afterAll(() => t?.close());

const names = async (q: string) =>
  (
    await listRegistrations(t.db, organiser, EVENT, registrationFilterSchema.parse({ q }), registrationPageSchema.parse({ sort: 'oldest' }))
  ).rows
    .map((r) => r.name)
    .sort();

describe('registration search', () => {
  it('finds part of a name, email or organisation in any script and case', async () => {
    expect(await names('NGUYỄN')).toEqual(['Nguyễn Thị Lan']);
    expect(await names('ใจดี')).toEqual(['สมชาย ใจดี']);
    expect(await names('科学')).toEqual(['王小明']);
    expect(await names('王')).toEqual(['王小明']);
    expect(await names('NSTDA.example')).toEqual(['สมชาย ใจดี']);
    expect(await names('university')).toEqual(['Aiko Sato', 'Nguyễn Thị Lan']);
  });

  it('matches within one field, never across two (the index holds them joined)', async () => {
    expect(await names('Lan lan@')).toEqual([]);
    expect(await names('hust.example Hanoi')).toEqual([]);
    expect(await names('Sato aiko')).toEqual([]);
  });

  it('searches % and _ as themselves, with and without trigrams', async () => {
    expect(await names('100%')).toEqual(['สมชาย ใจดี']);
    expect(await names('%')).toEqual(['สมชาย ใจดี']);
    expect(await names('aiko_s')).toEqual(['Aiko Sato']);
    expect(await names('_')).toEqual(['Aiko Sato']);
    expect(await names('a_ko')).toEqual([]);
  });

  it('uses the trigram index only for text holding three letters or digits in a row', () => {
    expect(['Nguyễn', 'ใจดี', 'bench77', 'Kenji Sa', '100%', '中国科'].map(hasTrigram)).toEqual([true, true, true, true, true, true]);
    expect(['王', '科学', 'a b', '%', 'ab_c', 'a.b.c@d'].map(hasTrigram)).toEqual([false, false, false, false, false, false]);
  });

  it.runIf(usingPostgres)('on 20,000 registrations the count and the page read the trigram index, not the table', async () => {
    await t.db.execute(sql`
      insert into registrations (event_id, email, name, organisation, country, participant_type, mode, status, consent_at, manage_token_hash)
      select ${eventId}, 'bulk' || g || '@example.org',
             (array['Anan','Wei','Yuki','Minh','Siti','Kenji','Ji-woo','Nur','Arjun','Lan'])[1 + g % 10] || ' ' ||
             (array['Tan','Lee','Sato','Nguyen','Rahman','Kim','Chen','Wong','Lim','Park','Suzuki','Tran'])[1 + (g / 10) % 12] || ' ' || g,
             'Organisation ' || (g % 500), 'TH', 'university', 'online', 'confirmed', now(), 'bulk-' || g
      from generate_series(1, 20000) as g`);
    // As autovacuum leaves a table: statistics gathered and the GIN index's pending list merged.
    await t.db.execute(sql`vacuum analyze registrations`);
    const where = registrationConditions(eventId, registrationFilterSchema.parse({ q: 'bulk1234' }));
    const plan = rows<Record<string, string>>(
      await t.db.execute(sql`explain ${t.db.select({ n: count() }).from(registrations).where(where)}`),
    )
      .map((r) => Object.values(r)[0])
      .join('\n');
    expect(plan).toContain('registrations_desk_search_idx');
    expect(plan).not.toMatch(/Seq Scan on registrations/);
    const found = await listRegistrations(
      t.db,
      organiser,
      EVENT,
      registrationFilterSchema.parse({ q: 'bulk1234' }),
      registrationPageSchema.parse({}),
    );
    expect(found.total).toBe(11); // bulk1234 and bulk12340..bulk12349
    expect(found.rows.every((r) => r.email.startsWith('bulk1234'))).toBe(true);
  });
});
