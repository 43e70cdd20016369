import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as sessionsGet } from '@/app/api/v1/events/[slug]/sessions/route';
import { events, sessions } from '@/db/schema';
import { announceProgrammeChangeIn } from '@/lib/agenda/programme-changes';
import { publishAgenda } from '@/lib/agenda/publish/publish';
import { sessionsSnapshotBuilds } from '@/lib/agenda/sessions-snapshot';
import { closeNotifyHub } from '@/lib/database/notify-hub';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

// The sessions JSON is served from a snapshot of the published programme (lib/agenda/sessions-snapshot.ts):
// built once per version, dropped by a publish on this instance at once and on others by NOTIFY.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24' });
});
afterAll(async () => {
  await closeNotifyHub();
  await t?.close();
});

type SessionJson = { slug: string; title: { en: string }; seatsLeft: number | null };
const params = { params: Promise.resolve({ slug: EVENT }) };
async function list(query = ''): Promise<SessionJson[]> {
  const response = await sessionsGet(new NextRequest(`http://localhost/api/v1/events/${EVENT}/sessions${query}`), params);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  return ((await response.json()) as { sessions: SessionJson[] }).sessions;
}
const titleOf = async (slug: string, query = '') => (await list(query)).find((s) => s.slug === slug)?.title.en;

async function retitle(slug: string, title: string) {
  const id = await sessionBySlug(t.db, slug);
  const [session] = await t.db.select({ title: sessions.title }).from(sessions).where(eq(sessions.id, id));
  await t.db
    .update(sessions)
    .set({ title: { ...session!.title, en: title } })
    .where(eq(sessions.id, id));
}

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('the sessions JSON snapshot', () => {
  it('is built once per published version, whatever the filters and however many requests; seats left stay live', async () => {
    // The first request starts following programme changes; snapshots are kept once that listens.
    await list();
    await waitFor(async () => {
      const before = sessionsSnapshotBuilds();
      await list();
      return sessionsSnapshotBuilds() === before;
    }, 5000);
    const builds = sessionsSnapshotBuilds();
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => list()),
      list('?venue=tokyo'),
      list('?language=ko'),
      list('?venue=bangkok&day=2026-12-24'),
    ]);
    expect(answers[0]!.length).toBeGreaterThanOrEqual(20);
    expect(answers[20]!.length).toBeLessThan(answers[0]!.length);
    expect(sessionsSnapshotBuilds()).toBe(builds);

    // Seats left are read per request: a registration shows at once, without a new snapshot.
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const seatsBefore = (await list()).find((s) => s.slug === 'young-scientists-workshop')!.seatsLeft!;
    await registerAttendee(t.db, EVENT, person('snapshot-seat', { sessions: [workshop] }));
    expect((await list()).find((s) => s.slug === 'young-scientists-workshop')!.seatsLeft).toBe(seatsBefore - 1);
    expect(sessionsSnapshotBuilds()).toBe(builds);
  });

  it('serves the new version right after a publish on this instance, built once for it', async () => {
    const organiser = await actorFor(t.db, 'org.snapshot@forum.test', { eventSlug: EVENT, role: 'organiser' });
    await retitle('opening-ceremony', 'Opening, version two');
    // The working copy changed but is not published: the snapshot still answers the published one.
    expect(await titleOf('opening-ceremony')).not.toBe('Opening, version two');
    const builds = sessionsSnapshotBuilds();
    await publishAgenda(t.db, organiser, EVENT);
    expect(await titleOf('opening-ceremony')).toBe('Opening, version two');
    expect(await titleOf('opening-ceremony', '?venue=tokyo')).toBe('Opening, version two');
    for (let i = 0; i < 10; i++) await list();
    expect(sessionsSnapshotBuilds()).toBe(builds + 1);
  });

  it('drops the snapshot when another instance announces a publish over NOTIFY (no local drop)', async () => {
    // What another instance's publish does to the database: a new version, and the notification at commit.
    const organiser = await actorFor(t.db, 'org.snapshot@forum.test', { eventSlug: EVENT, role: 'organiser' });
    await retitle('opening-ceremony', 'Opening, version three');
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    const builds = sessionsSnapshotBuilds();
    expect(await titleOf('opening-ceremony')).toBe('Opening, version two');
    // The version row as publishAgenda writes it, but without this process's local drop.
    const { agendaVersions } = await import('@/db/schema');
    const { workingAgenda } = await import('@/lib/agenda/public-agenda');
    const { toSnapshot } = await import('@/lib/agenda/published-sessions');
    const working = await workingAgenda(t.db, event!);
    await t.db.transaction(async (tx) => {
      const version = event!.publishedVersion + 1;
      await tx
        .insert(agendaVersions)
        .values({ eventId: event!.id, version, snapshot: toSnapshot(working.sessions), changes: [], publishedBy: organiser!.userId });
      await tx.update(events).set({ publishedVersion: version }).where(eq(events.id, event!.id));
      await announceProgrammeChangeIn(tx, EVENT, 'another-instance');
    });
    expect(await waitFor(async () => (await titleOf('opening-ceremony')) === 'Opening, version three', 1000)).toBe(true);
    expect(sessionsSnapshotBuilds() - builds).toBeLessThanOrEqual(2);
  });
});
