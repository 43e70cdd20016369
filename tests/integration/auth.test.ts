import { eq, sql } from 'drizzle-orm';
import { setAccountDisabled } from '@/lib/auth/disable-account';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '@/lib/database/process-database';
import { authSessions, events, users, verificationTokens } from '@/db/schema';
import { seedDemoAccounts, demoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError, authorizationFailure, requireEventRole, rolesFor } from '@/lib/auth/authorize';
import { consumeMagicLinkToken, createMagicLinkToken } from '@/lib/auth/magic-link';
import { authOptions } from '@/lib/auth/options';
import { passwordMatches } from '@/lib/auth/passwords';
import { actorForSession, closeSession, openSession } from '@/lib/auth/sessions';
import { upsertUser } from '@/lib/auth/users';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let eventId: string;
let otherEventId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24' });
  otherEventId = await seedDemoForum(t.db, { firstDay: '2027-03-01', slug: 'other-forum' });
  await seedDemoAccounts(t.db, eventId, 'china-asean-tech-forum');
});
afterAll(() => t?.close());

async function userId(email: string) {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return user!;
}

describe('passwords', () => {
  it('are stored hashed and checked', async () => {
    const user = await userId(demoAccounts.organiser.email);
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await passwordMatches(demoAccounts.organiser.password, user.passwordHash)).toBe(true);
    expect(await passwordMatches('wrong', user.passwordHash)).toBe(false);
    expect(await passwordMatches('anything', null)).toBe(false);
  });
});

describe('password sign-in', () => {
  /** The password provider's own authorize(), as next-auth calls it for a sign-in form post. */
  function passwordSignIn(email: string, password: string) {
    type Credentials = {
      options: { id: string; authorize: (credentials: Record<string, string>, request: object) => Promise<{ id: string } | null> };
    };
    const provider = (authOptions().providers as unknown as Credentials[]).find((p) => p.options?.id === 'password')!;
    return provider.options.authorize(
      { email, password },
      { headers: { 'x-forwarded-for': '198.51.100.23' }, body: {}, query: {}, method: 'POST' },
    );
  }
  const openSessions = async (id: string) => (await t.db.select().from(authSessions).where(eq(authSessions.userId, id))).length;

  it('signs in with the right password, and refuses a disabled account with it, opening no session', async () => {
    const { email, password } = demoAccounts.checkin;
    const user = await userId(email);
    const signedIn = await passwordSignIn(email, password);
    expect(signedIn).toMatchObject({ id: user.id, email });
    const before = await openSessions(user.id);
    expect(await setAccountDisabled(t.db, email, true)).toBe(true);
    try {
      expect(await passwordSignIn(email, password)).toBeNull();
      expect(await passwordSignIn(email.toUpperCase(), password)).toBeNull();
      expect(await openSessions(user.id)).toBe(0);
    } finally {
      await setAccountDisabled(t.db, email, false);
    }
    expect(before).toBeGreaterThan(0);
    expect(await passwordSignIn(email, 'wrong password')).toBeNull();
    expect(await passwordSignIn(email, password)).toMatchObject({ id: user.id });
  });
  it('after five failures, throws the wait for the form instead of answering', async () => {
    const email = 'nobody.throttled@example.org';
    for (let i = 0; i < 5; i++) expect(await passwordSignIn(email, `wrong ${i}`)).toBeNull();
    await expect(passwordSignIn(email, 'wrong again')).rejects.toThrow(/^TooManyAttempts:(\d+)$/);
  });
});

describe('sessions', () => {
  it('end when closed or when the account is disabled', async () => {
    const user = await userId(demoAccounts.organiser.email);
    const token = await openSession(t.db, user.id);
    expect(await actorForSession(t.db, token)).toMatchObject({ userId: user.id });
    await closeSession(t.db, token);
    expect(await actorForSession(t.db, token)).toBeNull();

    const second = await openSession(t.db, user.id);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await actorForSession(t.db, second)).toBeNull();
    await t.db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    expect(await actorForSession(t.db, second)).not.toBeNull();
  });

  it('are deleted when an organiser disables the account, and stay gone after it is enabled again', async () => {
    const user = await userId(demoAccounts.organiser.email);
    const token = await openSession(t.db, user.id);
    expect(await setAccountDisabled(t.db, demoAccounts.organiser.email.toUpperCase(), true)).toBe(true);
    expect(await actorForSession(t.db, token)).toBeNull();
    expect(await setAccountDisabled(t.db, demoAccounts.organiser.email, false)).toBe(true);
    expect(await actorForSession(t.db, token)).toBeNull();
    expect(await setAccountDisabled(t.db, 'nobody@example.org', true)).toBe(false);
  });
});

describe('magic links', () => {
  it('are single use and stored only as a hash', async () => {
    const created = await createMagicLinkToken(t.db, demoAccounts.speaker.email.toUpperCase());
    expect(created).not.toBeNull();
    const stored = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, created!.userId));
    expect(stored.map((s) => s.token)).not.toContain(created!.token);
    const [first, second] = await Promise.all([consumeMagicLinkToken(t.db, created!.token), consumeMagicLinkToken(t.db, created!.token)]);
    expect([first, second].filter(Boolean)).toEqual([created!.userId]);
  });

  it('expire', async () => {
    const created = await createMagicLinkToken(t.db, demoAccounts.speaker.email);
    await t.db
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(verificationTokens.identifier, created!.userId));
    expect(await consumeMagicLinkToken(t.db, created!.token)).toBeNull();
  });

  it('are not made again while one mailed within the resend window is unused, and are once it has passed', async () => {
    const email = 'resend.window@example.org';
    const id = await upsertUser(t.db, { email });
    const window = { unlessMailedWithinMs: 60_000 };
    expect(await createMagicLinkToken(t.db, email, window)).toMatchObject({ userId: id });
    expect(await createMagicLinkToken(t.db, email, window)).toBeNull();
    // The first link is now 61 s old (tokens are made with a fixed lifetime: older is sooner to expire).
    await t.db
      .update(verificationTokens)
      .set({ expires: sql`${verificationTokens.expires} - interval '61 seconds'` })
      .where(eq(verificationTokens.identifier, id));
    expect(await createMagicLinkToken(t.db, email, window)).toMatchObject({ userId: id });
  });

  it('are not made for unknown or disabled accounts', async () => {
    expect(await createMagicLinkToken(t.db, 'nobody@example.org')).toBeNull();
    const id = await upsertUser(t.db, { email: 'gone@example.org' });
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    expect(await createMagicLinkToken(t.db, 'gone@example.org')).toBeNull();
  });
});

describe('event roles', () => {
  it('let an organiser into their own event only', async () => {
    const user = await userId(demoAccounts.organiser.email);
    const actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      isPlatformAdmin: false,
      canCreateEvents: false,
      sessionToken: 'x',
    };
    await expect(requireEventRole(t.db, actor, eventId, ['organiser'])).resolves.toHaveLength(1);
    await expect(requireEventRole(t.db, actor, otherEventId, ['organiser'])).rejects.toBeInstanceOf(AuthorizationError);
    await expect(requireEventRole(t.db, null, eventId, ['organiser'])).rejects.toMatchObject({ reason: 'signed-out' });
  });

  it('keep check-in staff and speakers out of organiser work', async () => {
    for (const email of [demoAccounts.checkin.email, demoAccounts.speaker.email]) {
      const user = await userId(email);
      const actor = {
        userId: user.id,
        email: user.email,
        name: user.name,
        isPlatformAdmin: false,
        canCreateEvents: false,
        sessionToken: 'x',
      };
      await expect(requireEventRole(t.db, actor, eventId, ['organiser'])).rejects.toMatchObject({ reason: 'forbidden' });
    }
    const staff = await userId(demoAccounts.checkin.email);
    const [membership] = await requireEventRole(
      t.db,
      { userId: staff.id, email: staff.email, name: null, isPlatformAdmin: false, canCreateEvents: false, sessionToken: 'x' },
      eventId,
      ['checkin'],
    );
    expect(membership).toEqual({ role: 'checkin', venueId: expect.any(String) });
    const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
    expect(event?.slug).toBe('china-asean-tech-forum');
  });

  it('let a platform admin into every event as its organiser, and list only a person’s own roles in an event', async () => {
    const user = await userId(demoAccounts.checkin.email);
    const actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      isPlatformAdmin: false,
      canCreateEvents: false,
      sessionToken: 'x',
    };
    expect(await requireEventRole(t.db, { ...actor, isPlatformAdmin: true }, otherEventId, ['organiser'])).toEqual([
      { role: 'organiser', venueId: null },
    ]);
    const roles = await rolesFor(t.db, actor, eventId);
    expect(roles.map((r) => r.role)).toEqual(['checkin']);
    expect(roles[0]!.venueId).toEqual(expect.any(String));
    expect(await rolesFor(t.db, actor, otherEventId)).toEqual([]);
  });

  it('word a refusal for the person and map it to the error vocabulary; any other error is rethrown', () => {
    const signedOut = new AuthorizationError('signed-out');
    const forbidden = new AuthorizationError('forbidden');
    expect([signedOut.name, signedOut.message, forbidden.message]).toEqual([
      'AuthorizationError',
      'Sign in to continue',
      'You do not have access to this',
    ]);
    expect(authorizationFailure(signedOut)).toEqual({ ok: false, code: 'signed-out', error: 'Sign in to continue' });
    expect(authorizationFailure(forbidden)).toEqual({ ok: false, code: 'forbidden', error: 'You do not have access to this' });
    const other = new Error('database down');
    expect(() => authorizationFailure(other)).toThrow(other);
  });
});
