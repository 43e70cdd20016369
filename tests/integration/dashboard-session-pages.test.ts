// The overview's seats per session on a big programme: one page of SESSION_PAGE_SIZE sessions in
// start order, each counted (confirmed, waitlisted, chosen) whatever page it is on; every session on
// exactly one page; a page past the end shows the last one; a bad page number is the first page.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Actor } from '@/lib/auth/sessions';
import { dashboardPageSchema, registrationDashboard, SESSION_PAGE_SIZE } from '@/lib/registration/admin/dashboard';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, rows, venueBySlug } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;
let inOrder: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  const eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const tokyo = await venueBySlug(t.db, 'tokyo');
  // 130 more sessions, some sharing a start time (the slug orders them).
  await t.db.execute(sql`
    insert into sessions (event_id, slug, title, kind, segment, starts_at, ends_at, venue_id, capacity, confirmed_count)
    select ${eventId}, 'extra-' || lpad(s::text, 3, '0'), jsonb_build_object('en', 'Extra session ' || s), 'panel', 'main',
           timestamptz '2027-01-10 01:00:00+00' + ((s / 2) * interval '15 minutes'),
           timestamptz '2027-01-10 01:45:00+00' + ((s / 2) * interval '15 minutes'), ${tokyo.id}, 10, 0
    from generate_series(1, 130) as s`);
  // The last extra session: two confirmed seats and one on its waitlist.
  await t.db.execute(sql`
    insert into registrations (event_id, email, name, organisation, country, participant_type, mode, status, consent_at, manage_token_hash)
    select ${eventId}, 'pager' || g || '@example.org', 'Pager ' || g, 'Org', 'JP', 'university', 'online', 'confirmed', now(), 'pager-' || g
    from generate_series(1, 3) as g`);
  await t.db.execute(sql`
    insert into registration_sessions (registration_id, session_id, status, waitlist_position)
    select r.id, s.id, (case when r.email = 'pager3@example.org' then 'waitlisted' else 'confirmed' end)::seat_status,
           case when r.email = 'pager3@example.org' then 1 end
    from registrations r, sessions s where r.email like 'pager%' and s.slug = 'extra-130'`);
  await t.db.execute(sql`update sessions set confirmed_count = 2 where slug = 'extra-130'`);
  inOrder = rows<{ id: string }>(await t.db.execute(sql`select id from sessions where event_id = ${eventId} order by starts_at, slug`)).map(
    (r) => r.id,
  );
}, 60_000);
afterAll(() => t?.close());

describe('seats per session, paged', () => {
  it('shows one page of sessions in start order and says where it is', async () => {
    const first = await registrationDashboard(t.db, organiser, EVENT);
    expect(first.sessions.map((s) => s.id)).toEqual(inOrder.slice(0, SESSION_PAGE_SIZE));
    expect(first.sessionPage).toEqual({
      page: 1,
      pages: Math.ceil(inOrder.length / SESSION_PAGE_SIZE),
      total: inOrder.length,
      first: 1,
    });
  });

  it('puts every session on exactly one page and counts its seats there', async () => {
    const { pages } = (await registrationDashboard(t.db, organiser, EVENT)).sessionPage;
    expect(pages).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const dashboard = await registrationDashboard(t.db, organiser, EVENT, { sessionPage: page });
      expect(dashboard.sessionPage.first).toBe(seen.length + 1);
      seen.push(...dashboard.sessions.map((s) => s.id));
      const counted = dashboard.sessions.find((s) => s.title.en === 'Extra session 130');
      if (counted) expect(counted).toMatchObject({ capacity: 10, confirmed: 2, waitlisted: 1, chosen: 3 });
    }
    expect(seen).toEqual(inOrder);
    const last = await registrationDashboard(t.db, organiser, EVENT, { sessionPage: pages });
    expect(last.sessions.some((s) => s.title.en === 'Extra session 130')).toBe(true);
  });

  it('shows the last page for a page past the end, and the first for a bad number', async () => {
    const past = await registrationDashboard(t.db, organiser, EVENT, { sessionPage: 999 });
    expect(past.sessionPage.page).toBe(past.sessionPage.pages);
    expect(past.sessions.map((s) => s.id)).toEqual(inOrder.slice((past.sessionPage.pages - 1) * SESSION_PAGE_SIZE));
    const parse = (sessions: unknown) => dashboardPageSchema.parse({ sessions }).sessions;
    expect([parse(undefined), parse('x'), parse('0'), parse('-2'), parse('1.5'), parse('2'), parse(['3', '4'])]).toEqual([
      1, 1, 1, 1, 1, 2, 3,
    ]);
  });
});
