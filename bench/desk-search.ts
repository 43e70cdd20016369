// `npx tsx bench/desk-search.ts` (BACKEND=postgres needs DATABASE_URL; default both when it is set):
// the check-in desk on 50,000 registrations. Seeds the demo forum, adds 50,000 in-person
// registrations with Thai, Chinese, Vietnamese and Latin names across the four venues, lets the
// table settle (VACUUM ANALYZE, as autovacuum would), then times, in-process through lib/:
// 300 searches for a part of a name (Bangkok's desk staff, so the venue scope is in the query) and
// 300 short-code look-ups (the read a typed code makes). Writes bench/results/desk-search-<time>.json.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { readHolder } from '@/lib/checkin/check-in';
import { searchDesk } from '@/lib/checkin/search';
import { actorFor } from '../tests/helpers/actors';
import { createTestDatabase } from '../tests/helpers/db';
import { venueBySlug } from '../tests/helpers/registration';

const N = Number(process.env.N ?? 50_000);
const QUERIES = 300;
const EVENT = 'china-asean-tech-forum';

const GIVEN = ['สมชาย', 'สุดา', 'อนันต์', '小明', '丽华', '建国', 'Văn An', 'Thị Lan', 'Minh', 'Siti', 'Kenji', 'Ji-woo', 'Arjun', 'Wei'];
const FAMILY = ['ใจดี', 'ศรีสุข', 'วงศ์ไทย', '王', '李', '张', 'Nguyễn', 'Trần', 'Lê', 'Rahman', 'Sato', 'Kim', 'Tan', 'Lim'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: +percentile(sorted, 50).toFixed(2), p95: +percentile(sorted, 95).toFixed(2), max: +sorted.at(-1)!.toFixed(2) };
};

async function run(backend: 'pglite' | 'postgres') {
  if (backend === 'postgres' && !process.env.DATABASE_URL) throw new Error('DATABASE_URL is needed for postgres');
  if (backend === 'pglite') delete process.env.DATABASE_URL;
  const t = await createTestDatabase();
  try {
    await seedDemoForum(t.db, { slug: EVENT });
    const [event] = await t.db.select({ id: events.id }).from(events).where(sql`${events.slug} = ${EVENT}`);
    const venueIds = await Promise.all(['nanning', 'tokyo', 'seoul', 'bangkok'].map(async (slug) => (await venueBySlug(t.db, slug)).id));
    const given = sql.raw(`array[${GIVEN.map((g) => `'${g}'`).join(',')}]`);
    const family = sql.raw(`array[${FAMILY.map((f) => `'${f}'`).join(',')}]`);
    const venues = sql.raw(`array[${venueIds.map((v) => `'${v}'::uuid`).join(',')}]`);
    const started = performance.now();
    await t.db.execute(sql`
      insert into registrations (event_id, email, name, organisation, country, participant_type, mode, venue_id, status, consent_at, manage_token_hash)
      select ${event!.id}, 'bench' || g || '@example.org', (${family})[1 + g % 14] || ' ' || (${given})[1 + (g / 14) % 14] || ' ' || g,
             'Organisation ' || (g % 700), 'TH', 'university', 'in_person', (${venues})[1 + g % 4], 'confirmed', now(), 'bench-' || g
      from generate_series(1, ${N}) as g`);
    const insertMs = performance.now() - started;
    await t.db.execute(sql`vacuum analyze registrations`);
    const desk = await actorFor(t.db, 'desk.bench@forum.test', { eventSlug: EVENT, role: 'checkin', venueId: venueIds[3]! });
    const codes = (await t.db.select({ code: registrations.shortCode }).from(registrations).limit(QUERIES)).map((r) => r.code);

    const searchMs: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      // Part of a name as staff type it: a family name, or a given name and the number's first digits.
      const query = i % 2 ? FAMILY[i % FAMILY.length]! : `${GIVEN[i % GIVEN.length]!} ${(i * 37) % 900}`;
      const t0 = performance.now();
      await searchDesk(t.db, desk, EVENT, query);
      searchMs.push(performance.now() - t0);
    }
    const codeMs: number[] = [];
    for (const code of codes) {
      const t0 = performance.now();
      await t.db.transaction((tx) => readHolder(tx, event!.id, { shortCode: code }));
      codeMs.push(performance.now() - t0);
    }
    return {
      backend,
      registrations: N,
      insertSeconds: +(insertMs / 1000).toFixed(1),
      searchMs: summary(searchMs),
      shortCodeMs: summary(codeMs),
    };
  } finally {
    await t.close();
  }
}

async function main() {
  const backends = (process.env.BACKEND ? [process.env.BACKEND] : process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite']) as (
    | 'pglite'
    | 'postgres'
  )[];
  const url = process.env.DATABASE_URL;
  const results = [];
  for (const backend of backends) {
    if (url) process.env.DATABASE_URL = url;
    results.push(await run(backend));
    console.log(JSON.stringify(results.at(-1)));
  }
  const load = (await import('node:os')).loadavg().map((l) => +l.toFixed(2));
  const file = path.join('bench', 'results', `desk-search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), loadAverage: load, results }, null, 2)}\n`);
  console.log(`written ${file}`);
}

void main();
