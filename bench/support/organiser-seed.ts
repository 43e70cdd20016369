// The organiser-at-scale data set (bench/organiser-scale.ts, bench/organiser-plans.ts): the demo forum,
// `sessions` more sessions over the four venues and `registrations` registrations (names in several
// scripts, both modes, 80% confirmed, 10% cancelled, 10% checked in, created over 60 days, two
// sessions each), then VACUUM ANALYZE.
import { eq, sql } from 'drizzle-orm';
import { events, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { seedDemoForum } from '@/lib/demo/seed';

const GIVEN = ['สมชาย', 'สุดา', 'อนันต์', '小明', '丽华', '建国', 'Văn An', 'Thị Lan', 'Minh', 'Siti', 'Kenji', 'Ji-woo', 'Arjun', 'Wei'];
const FAMILY = ['ใจดี', 'ศรีสุข', 'วงศ์ไทย', '王', '李', '张', 'Nguyễn', 'Trần', 'Lê', 'Rahman', 'Sato', 'Kim', 'Tan', 'Lim'];
const COUNTRIES = ['TH', 'CN', 'VN', 'MY', 'ID', 'JP', 'KR', 'SG', 'PH', 'LA', 'KH', 'MM'];
const TYPES = ['government', 'enterprise', 'research_institute', 'university', 'young_scientist', 'media', 'other'];

export async function seedOrganiserScale(db: Db, options: { slug: string; registrations: number; sessions: number }) {
  const { slug, registrations: N, sessions: SESSIONS } = options;
  await seedDemoForum(db, { slug });
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  const venueRows = await db.select({ id: venues.id, slug: venues.slug }).from(venues).where(eq(venues.eventId, event!.id));
  const venueIds = ['nanning', 'tokyo', 'seoul', 'bangkok'].map((venue) => venueRows.find((v) => v.slug === venue)!.id);
  const array = (values: string[], cast = '') => sql.raw(`array[${values.map((v) => `'${v}'${cast}`).join(',')}]`);
  await db.execute(sql`
    insert into sessions (event_id, slug, title, kind, segment, starts_at, ends_at, venue_id, capacity, confirmed_count, streamed)
    select ${event!.id}, 'bench-session-' || s, jsonb_build_object('en', 'Bench session ' || s), 'panel', 'main',
           date_trunc('day', now()) + interval '30 days' + ((s % 3) || ' days')::interval + ((s / 3 % 40) * 15 || ' minutes')::interval,
           date_trunc('day', now()) + interval '30 days' + ((s % 3) || ' days')::interval + ((s / 3 % 40) * 15 + 45 || ' minutes')::interval,
           (${array(venueIds, '::uuid')})[1 + s % 4], null, 0, true
    from generate_series(1, ${SESSIONS}) as s`);
  // Status: 80% confirmed, 10% cancelled, 10% checked in; 60% in person (over the four venues), 40% online.
  await db.execute(sql`
    insert into registrations (event_id, email, name, organisation, country, participant_type, mode, venue_id, status, consent_at, manage_token_hash, created_at, checked_in_at)
    select ${event!.id}, 'bench' || g || '@example.org',
           (${array(GIVEN)})[1 + g % 14] || ' ' || (${array(FAMILY)})[1 + (g / 14) % 14] || ' ' || g,
           'Organisation ' || (g % 700), (${array(COUNTRIES)})[1 + g % 12], ((${array(TYPES)})[1 + g % 7])::participant_type,
           (case when g % 5 < 3 then 'in_person' else 'online' end)::attendance_mode,
           case when g % 5 < 3 then (${array(venueIds, '::uuid')})[1 + g % 4] end,
           (case when g % 10 = 0 then 'cancelled' when g % 10 = 1 then 'checked_in' else 'confirmed' end)::registration_status,
           now(), 'bench-' || g, now() - ((g % 86400) * 60 || ' seconds')::interval,
           case when g % 10 = 1 then now() end
    from generate_series(1, ${N}) as g`);
  // Each registration's two sessions by position in one array (a join on computed keys planned as a
  // nested loop over 50,000 × 2,000 rows took minutes).
  await db.execute(sql`
    with picked as (select array_agg(id order by slug) as ids from sessions where event_id = ${event!.id} and slug like 'bench-session-%'),
         regs as (select id, row_number() over (order by email) - 1 as r from registrations where event_id = ${event!.id} and email like 'bench%')
    insert into registration_sessions (registration_id, session_id, status)
    select distinct regs.id, picked.ids[1 + k], 'confirmed'::seat_status
    from regs cross join picked cross join lateral (values (regs.r % ${SESSIONS}), ((regs.r * 7 + 1) % ${SESSIONS})) as pick(k)`);
  await db.execute(sql`
    update sessions set confirmed_count = c.n from (select session_id, count(*)::int as n from registration_sessions group by session_id) c
    where c.session_id = sessions.id and sessions.event_id = ${event!.id} and sessions.slug like 'bench-session-%'`);
  await db.execute(sql`vacuum analyze`);
  return { eventId: event!.id };
}
