import { eq, sql } from 'drizzle-orm';
import { setAccountDisabled } from '@/lib/auth/disable-account';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '@/lib/database/process-database';
import { authSessions, events, rateLimits, users, verificationTokens } from '@/db/schema';
import { seedDemoAccounts, demoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError, authorizationFailure, requireEventRole, rolesFor } from '@/lib/auth/authorize';
import { consumeMagicLinkToken, createMagicLinkToken } from '@/lib/auth/magic-link';
import { authOptions } from '@/lib/auth/options';
import { passwordMatches } from '@/lib/auth/passwords';
import { actorForSession, closeSession, openSession } from '@/lib/auth/sessions';
import { ACCOUNT_THROTTLE, accountThrottleKey, reserveAttempt } from '@/lib/auth/sign-in-throttle';
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
    // An account without a password (a speaker's, made by a sign-in link) is not opened by the
    // password the timing decoy is made of.
    expect(await passwordMatches('decoy-password', null)).toBe(false);
    expect(await passwordMatches('decoy-password', undefined)).toBe(false);
  });
});

describe('accounts', () => {
  it('a session lasts twelve hours and names its person; event creation comes with the flag or with platform admin', async () => {
    const plain = await upsertUser(t.db, { email: 'plain.session@example.org', name: 'Plain Session' });
    const creator = await upsertUser(t.db, { email: 'creator.session@example.org' });
    const admin = await upsertUser(t.db, { email: 'admin.session@example.org' });
    await t.db.update(users).set({ canCreateEvents: true }).where(eq(users.id, creator));
    await t.db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, admin));
    const before = Date.now();
    const token = await openSession(t.db, plain);
    const [row] = await t.db.select().from(authSessions).where(eq(authSessions.sessionToken, token));
    expect(row!.expires.getTime()).toBeGreaterThanOrEqual(before + 12 * 3_600_000);
    expect(row!.expires.getTime()).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000);
    expect(await actorForSession(t.db, token)).toEqual({
      userId: plain,
      email: 'plain.session@example.org',
      name: 'Plain Session',
      isPlatformAdmin: false,
      canCreateEvents: false,
      sessionToken: token,
    });
    const flags = async (id: string) => {
      const actor = (await actorForSession(t.db, await openSession(t.db, id)))!;
      return [actor.isPlatformAdmin, actor.canCreateEvents];
    };
    expect(await flags(creator)).toEqual([false, true]);
    expect(await flags(admin)).toEqual([true, true]);
  });
});

describe('password sign-in', () => {
  /** The password provider's own authorize(), as next-auth calls it for a sign-in form post. */
  function passwordSignIn(email: string, password: string, forwardedFor = '198.51.100.23') {
    type Credentials = {
      options: {
        id: string;
        authorize: (credentials: Record<string, string>, request: object) => Promise<{ id: string; sessionToken: string } | null>;
      };
    };
    const provider = (authOptions().providers as unknown as Credentials[]).find((p) => p.options?.id === 'password')!;
    return provider.options.authorize(
      { email, password },
      { headers: { 'x-forwarded-for': forwardedFor }, body: {}, query: {}, method: 'POST' },
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

  it('counts a failure against the forwarded client address and the account; the right password forgets the account’s and opens a session', async () => {
    const email = 'client.count@example.org';
    const id = await upsertUser(t.db, { email, name: 'Client Count', password: 'right-password-1' });
    const counted = async (key: string) => (await t.db.select().from(rateLimits).where(eq(rateLimits.key, key)))[0]?.count;
    expect(await passwordSignIn(email, 'wrong password', '203.0.113.9')).toBeNull();
    expect([await counted('signin:client:203.0.113.9'), await counted(`signin:account:${email}`)]).toEqual([1, 1]);
    const signedIn = (await passwordSignIn(email, 'right-password-1', '203.0.113.9'))!;
    expect(signedIn).toEqual({ id, email, name: 'Client Count', sessionToken: expect.any(String) });
    expect(await actorForSession(t.db, signedIn.sessionToken)).toMatchObject({ userId: id });
    expect([await counted('signin:client:203.0.113.9'), await counted(`signin:account:${email}`)]).toEqual([1, undefined]);
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

  it('sign in once through next-auth’s authorize: the address is marked verified (once), the password failures forgotten, a session opened; a malformed, used or disabled account’s link opens nothing', async () => {
    type Provider = {
      options: { id: string; authorize: (credentials: Record<string, unknown>) => Promise<{ sessionToken: string } | null> };
    };
    const provider = (authOptions().providers as unknown as Provider[]).find((p) => p.options?.id === 'magic-link')!;
    const signIn = (token: unknown) => provider.options.authorize({ token });
    const email = 'link.signin@example.org';
    const id = await upsertUser(t.db, { email, name: 'Link Person' });
    const sessionsOf = async () => (await t.db.select().from(authSessions).where(eq(authSessions.userId, id))).length;
    await reserveAttempt(t.db, accountThrottleKey(email), ACCOUNT_THROTTLE);
    const first = (await createMagicLinkToken(t.db, email))!;
    for (const malformed of [undefined, 'short', 'x'.repeat(201)]) expect(await signIn(malformed)).toBeNull();

    const signedIn = (await signIn(first.token))!;
    expect(signedIn).toEqual({ id, email, name: 'Link Person', sessionToken: expect.any(String) });
    expect(await actorForSession(t.db, signedIn.sessionToken)).toMatchObject({ userId: id });
    const verified = (await t.db.select().from(users).where(eq(users.id, id)))[0]!.emailVerified;
    expect(verified).toBeInstanceOf(Date);
    expect(
      await t.db
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, accountThrottleKey(email))),
    ).toEqual([]);
    expect(await signIn(first.token)).toBeNull();

    expect(await signIn((await createMagicLinkToken(t.db, email))!.token)).toMatchObject({ id });
    expect((await t.db.select().from(users).where(eq(users.id, id)))[0]!.emailVerified).toEqual(verified);

    const third = (await createMagicLinkToken(t.db, email))!;
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    const before = await sessionsOf();
    expect(await signIn(third.token)).toBeNull();
    expect(await sessionsOf()).toBe(before);
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
