import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventMembers, users, venues } from '@/db/schema';
import { passwordMatches } from '@/lib/auth/passwords';
import { grantEventRole, upsertUser } from '@/lib/auth/users';
import { seedDemoForum } from '@/lib/demo/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// Apart from auth.test.ts, whose fixture seeds the demo accounts through upsertUser and
// grantEventRole: a mutant that breaks them there makes that file's beforeAll throw, and the mutation
// runner then counts no test at all. Here the fixture seeds forums only, so these tests judge them.
let t: TestDatabase;
let eventId: string;
let otherEventId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24' });
  otherEventId = await seedDemoForum(t.db, { firstDay: '2027-03-01', slug: 'other-forum' });
});
afterAll(() => t?.close());

describe('accounts', () => {
  const stored = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;

  it('upsertUser stores a new account’s address lower-cased, its name and password; later calls find it in any case and change only what they are given', async () => {
    const id = await upsertUser(t.db, { email: 'New.Person@Example.org', name: 'New Person', password: 'first-password-1' });
    const created = await stored(id);
    expect([created.email, created.name]).toEqual(['new.person@example.org', 'New Person']);
    expect(await passwordMatches('first-password-1', created.passwordHash)).toBe(true);

    expect(await upsertUser(t.db, { email: 'NEW.PERSON@example.org' })).toBe(id);
    expect(await stored(id)).toEqual(created);

    expect(await upsertUser(t.db, { email: 'new.person@example.org', name: 'Renamed Person' })).toBe(id);
    const renamed = await stored(id);
    expect([renamed.name, renamed.passwordHash]).toEqual(['Renamed Person', created.passwordHash]);

    expect(await upsertUser(t.db, { email: 'new.person@example.org', password: 'second-password-2' })).toBe(id);
    const repassworded = await stored(id);
    expect(repassworded.name).toBe('Renamed Person');
    expect(await passwordMatches('second-password-2', repassworded.passwordHash)).toBe(true);
    expect(await passwordMatches('first-password-1', repassworded.passwordHash)).toBe(false);

    const bare = await stored(await upsertUser(t.db, { email: 'bare@example.org' }));
    expect([bare.name, bare.passwordHash]).toEqual([null, null]);
  });

  it('grantEventRole stores a membership with its venue, once; an unknown event is an error', async () => {
    const userId = await upsertUser(t.db, { email: 'desk.two@example.org' });
    const [venue] = await t.db.select().from(venues).where(eq(venues.eventId, eventId)).limit(1);
    const grant = { userId, eventSlug: 'china-asean-tech-forum', role: 'checkin' as const, venueId: venue!.id };
    await grantEventRole(t.db, grant);
    await grantEventRole(t.db, grant);
    const memberships = await t.db.select().from(eventMembers).where(eq(eventMembers.userId, userId));
    expect(memberships.map((m) => [m.eventId, m.role, m.venueId])).toEqual([[eventId, 'checkin', venue!.id]]);
    await grantEventRole(t.db, { userId, eventSlug: 'other-forum', role: 'organiser' });
    expect(
      (await t.db.select().from(eventMembers).where(eq(eventMembers.userId, userId))).find((m) => m.eventId === otherEventId),
    ).toMatchObject({
      role: 'organiser',
      venueId: null,
    });
    await expect(grantEventRole(t.db, { userId, eventSlug: 'no-such-forum', role: 'organiser' })).rejects.toThrow(
      'No event with slug no-such-forum',
    );
  });
});
