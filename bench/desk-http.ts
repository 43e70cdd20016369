// `npx tsx bench/desk-http.ts` (needs the production build and DATABASE_URL, the PostgreSQL server's
// admin URL): the check-in desk on 50,000 registrations, measured against a real running server.
// Creates a fresh PostgreSQL database, seeds the demo forum and 50,000 in-person registrations with
// Thai, Chinese, Vietnamese and Latin names over the four venues (VACUUM ANALYZE after, as
// autovacuum would), starts the production server (scripts/serve.ts) on it, signs a Bangkok desk
// staff member in (a real session row and its next-auth cookie), then, one request at a time, as
// the desk page sends them (POST with Next-Action, React's encoding of the arguments):
//   - 300 desk searches (searchDeskAction) for part of a name, half of them Thai;
//   - 300 check-ins by typed short code (checkInAction), each a different Bangkok attendee: the
//     server looks the code up, then checks the person in.
// Prints p50/p95/max in ms and writes bench/results/desk-http-<time>.json with the load average.
// INDEX=off drops registrations_desk_search_idx first (the before/after figure).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { events, registrations, venues } from '@/db/schema';
import { openSession } from '@/lib/auth/sessions';
import { grantEventRole, upsertUser } from '@/lib/auth/users';
import { seedDemoForum } from '@/lib/demo/seed';
import { createAppDatabase, startAppServer } from '../tests/helpers/app-process';
import { encodeReply } from '../tests/helpers/encode-reply';

const N = Number(process.env.N ?? 50_000);
const QUERIES = Number(process.env.QUERIES ?? 300);
const PORT = Number(process.env.PORT ?? 3499);
const EVENT = 'china-asean-tech-forum';
const GIVEN = ['สมชาย', 'สุดา', 'อนันต์', '小明', '丽华', '建国', 'Văn An', 'Thị Lan', 'Minh', 'Siti', 'Kenji', 'Ji-woo', 'Arjun', 'Wei'];
const FAMILY = ['ใจดี', 'ศรีสุข', 'วงศ์ไทย', '王', '李', '张', 'Nguyễn', 'Trần', 'Lê', 'Rahman', 'Sato', 'Kim', 'Tan', 'Lim'];
/** What Bangkok's staff type: a part of a Thai name (a family name, a given name and a number's digits), or a Latin one. */
const THAI_PARTS = ['ใจดี', 'ศรีสุข', 'วงศ์ไทย', 'สมชาย ศรี', 'สุดา', 'อนันต์ ใจ', 'ชาย ใจดี 1', 'ดา วงศ์'];
const OTHER_PARTS = ['Nguyễn', 'Rahman', 'Kenji Sa', 'Tan Wei', '小明', '王 丽', 'Lim Siti', 'Organisation 12'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: +percentile(sorted, 50).toFixed(1), p95: +percentile(sorted, 95).toFixed(1), max: +sorted.at(-1)!.toFixed(1) };
};
const load = () => os.loadavg().map((l) => +l.toFixed(2));

function actionIds(): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName: string; filename: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (the PostgreSQL admin URL) is needed');
  const database = await createAppDatabase('postgres', { tag: 'deskhttp' });
  process.env.AUTH_SECRET = database.env.AUTH_SECRET;
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  try {
    const opened = await database.open({ maxConnections: 2 });
    const db = opened.db;
    await seedDemoForum(db, { slug: EVENT });
    const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT));
    const venueRows = await db.select({ id: venues.id, slug: venues.slug }).from(venues).where(eq(venues.eventId, event!.id));
    const venueIds = ['nanning', 'tokyo', 'seoul', 'bangkok'].map((slug) => venueRows.find((v) => v.slug === slug)!.id);
    const array = (values: string[], cast = '') => sql.raw(`array[${values.map((v) => `'${v}'${cast}`).join(',')}]`);
    const started = performance.now();
    await db.execute(sql`
      insert into registrations (event_id, email, name, organisation, country, participant_type, mode, venue_id, status, consent_at, manage_token_hash)
      select ${event!.id}, 'bench' || g || '@example.org', (${array(GIVEN)})[1 + g % 14] || ' ' || (${array(FAMILY)})[1 + (g / 14) % 14] || ' ' || g,
             'Organisation ' || (g % 700), 'TH', 'university', 'in_person', (${array(venueIds, '::uuid')})[1 + g % 4], 'confirmed', now(), 'bench-' || g
      from generate_series(1, ${N}) as g`);
    const seedSeconds = +((performance.now() - started) / 1000).toFixed(1);
    if (process.env.INDEX === 'off') await db.execute(sql`drop index if exists registrations_desk_search_idx`);
    await db.execute(sql`vacuum analyze registrations`);
    const userId = await upsertUser(db, { email: 'desk.bench@forum.test', name: 'Bench desk' });
    await grantEventRole(db, { userId, eventSlug: EVENT, role: 'checkin', venueId: venueIds[3]! });
    const sessionToken = await openSession(db, userId);
    const codes = (
      await db
        .select({ code: registrations.shortCode })
        .from(registrations)
        .where(and(eq(registrations.eventId, event!.id), eq(registrations.venueId, venueIds[3]!), eq(registrations.status, 'confirmed')))
        .limit(QUERIES)
    ).map((r) => r.code);
    await opened.close();

    server = await startAppServer({ port: PORT, database });
    const cookie = `next-auth.session-token=${await encode({ token: { sessionToken }, secret: database.env.AUTH_SECRET! })}`;
    const ids = actionIds();
    const page = `${server.url}/admin/events/${EVENT}/checkin`;
    const call = async (key: string, args: unknown[]) => {
      const t0 = performance.now();
      const response = await fetch(page, {
        method: 'POST',
        headers: {
          'Next-Action': ids.get(`app/[locale]/admin/events/[slug]/checkin/actions.ts#${key}`)!,
          Origin: server!.url,
          Accept: 'text/x-component',
          'Content-Type': 'text/plain;charset=UTF-8',
          Cookie: cookie,
        },
        body: (await encodeReply(args)) as string,
      });
      const body = await response.text();
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`${key}: ${response.status} ${body.slice(0, 300)}`);
      return { ms, body };
    };
    // Warm up: the first calls compile and cache the page's modules.
    for (let i = 0; i < 10; i++) await call('searchDeskAction', [EVENT, { query: 'ใจดี' }]);
    const loadBefore = load();
    const thaiMs: number[] = [];
    const otherMs: number[] = [];
    let found = 0;
    for (let i = 0; i < QUERIES; i++) {
      const thai = i % 2 === 0;
      const query = thai ? THAI_PARTS[i % THAI_PARTS.length]! : OTHER_PARTS[i % OTHER_PARTS.length]!;
      const { ms, body } = await call('searchDeskAction', [EVENT, { query }]);
      if (body.includes('"registrationId"')) found += 1;
      (thai ? thaiMs : otherMs).push(ms);
    }
    const checkInMs: number[] = [];
    let checkedIn = 0;
    for (const code of codes) {
      const { ms, body } = await call('checkInAction', [EVENT, { code }]);
      if (body.includes('checked-in')) checkedIn += 1;
      checkInMs.push(ms);
    }
    const result = {
      at: new Date().toISOString(),
      method: 'HTTP to the production server (scripts/serve.ts), PostgreSQL, one request at a time',
      index: process.env.INDEX === 'off' ? 'dropped' : 'registrations_desk_search_idx (GIN trigram)',
      registrations: N,
      seedSeconds,
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
      searchMs: { all: summary([...thaiMs, ...otherMs]), thai: summary(thaiMs), other: summary(otherMs), withMatches: found, of: QUERIES },
      shortCodeCheckInMs: { ...summary(checkInMs), checkedIn, of: codes.length },
    };
    console.log(JSON.stringify(result, null, 2));
    const file = path.join('bench', 'results', `desk-http-${result.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written ${file}`);
  } finally {
    await server?.stop();
    await database.drop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
