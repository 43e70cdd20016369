// The admin home's list of events: the ones a person works on, each once with all their roles in it,
// soonest first; platform admins see every event as its organiser.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, users } from '@/db/schema';
import { myEvents } from '@/lib/auth/my-events';
import { seedDemoForum } from '@/lib/demo/seed';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { slug: 'later-forum', firstDay: '2027-02-10', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'sooner-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'not-mine', firstDay: '2027-01-05', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

const summary = (list: Awaited<ReturnType<typeof myEvents>>) => list.map((e) => ({ slug: e.slug, roles: [...e.roles].sort() }));

describe(`my events (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lists each event a person works on once, with every role they hold there, soonest first', async () => {
    const actor = await actorFor(t.db, 'two.hats@forum.test', { eventSlug: 'later-forum', role: 'organiser' });
    await actorFor(t.db, 'two.hats@forum.test', { eventSlug: 'later-forum', role: 'checkin' });
    await actorFor(t.db, 'two.hats@forum.test', { eventSlug: 'sooner-forum', role: 'speaker' });
    const list = await myEvents(t.db, actor);
    expect(summary(list)).toEqual([
      { slug: 'sooner-forum', roles: ['speaker'] },
      { slug: 'later-forum', roles: ['checkin', 'organiser'] },
    ]);
    const [later] = await t.db.select().from(events).where(eq(events.slug, 'later-forum'));
    expect(list[1]).toMatchObject({ id: later!.id, name: later!.name });
  });

  it('lists nothing for someone without a role', async () => {
    expect(await myEvents(t.db, await actorFor(t.db, 'attendee.only@forum.test'))).toEqual([]);
  });

  it('lists every event, soonest first, as organiser for a platform admin', async () => {
    const admin = await actorFor(t.db, 'platform@forum.test');
    await t.db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, admin.userId));
    expect(summary(await myEvents(t.db, { ...admin, isPlatformAdmin: true }))).toEqual([
      { slug: 'sooner-forum', roles: ['organiser'] },
      { slug: 'not-mine', roles: ['organiser'] },
      { slug: 'later-forum', roles: ['organiser'] },
    ]);
  });
});
