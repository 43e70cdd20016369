// What next-auth answers about a session (issue 13, points 7 and 12), through this app's own next-auth
// configuration: the callbacks that build /api/auth/session, next-auth's address, and the session
// cookie as a route handler reads it.
import { encode, type JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabase } from '@/lib/database/process-database';
import { setAccountDisabled } from '@/lib/auth/disable-account';
import { actorFromSessionCookie } from '@/lib/auth/current';
import { authOptions, sessionCookieName } from '@/lib/auth/options';
import { actorForSession, closeSession, openSession } from '@/lib/auth/sessions';
import { upsertUser } from '@/lib/auth/users';
import { appEnv } from '@/lib/config/env';
import { appSecret } from '@/lib/security/secret';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let userId: string;
const email = 'session.callbacks@forum.test';

beforeAll(async () => {
  // Not the port next-auth falls back to, so the test sees which address it uses.
  process.env.APP_URL = 'http://127.0.0.1:4321';
  t = await createTestDatabase();
  useDatabase(t);
  userId = await upsertUser(t.db, { email, name: 'Session Callbacks' });
});
afterAll(() => t?.close());

/** What next-auth does for GET /api/auth/session with a cookie holding `token`. */
async function sessionAnswer(token: JWT) {
  const { callbacks } = authOptions();
  const refreshed = await callbacks!.jwt!({ token } as never);
  return callbacks!.session!({
    session: { user: { name: token.name, email: token.email }, expires: new Date(Date.now() + 3_600_000).toISOString() },
    token: refreshed,
  } as never);
}

async function cookieToken(): Promise<JWT> {
  return { name: 'Session Callbacks', email, sub: userId, sessionToken: await openSession(t.db, userId) };
}

describe('the session answer', () => {
  it('says who is signed in and never carries the server-side session token', async () => {
    const token = await cookieToken();
    const answer = await sessionAnswer(token);
    expect(answer).toMatchObject({ user: { email } });
    expect(JSON.stringify(answer)).not.toContain('sessionToken');
    expect(JSON.stringify(answer)).not.toContain(token.sessionToken as string);
  });

  it('is signed out for a cookie whose session was signed out', async () => {
    const token = await cookieToken();
    await closeSession(t.db, token.sessionToken as string);
    await expect(sessionAnswer(token)).rejects.toThrow();
  });

  it('is signed out for a cookie whose account was disabled, even after it is enabled again', async () => {
    const token = await cookieToken();
    await setAccountDisabled(t.db, email, true);
    await expect(sessionAnswer(token)).rejects.toThrow();
    await setAccountDisabled(t.db, email, false);
    await expect(sessionAnswer(token)).rejects.toThrow();
  });

  it('is signed out for a cookie without a session token', async () => {
    await expect(sessionAnswer({ name: 'x', email, sub: userId })).rejects.toThrow();
  });
});

describe('signing in and out', () => {
  it('a first sign-in puts the new session token into the cookie, unchecked (the session was just opened)', async () => {
    const { callbacks } = authOptions();
    const token = await callbacks!.jwt!({ token: { email }, user: { id: userId, sessionToken: 'opened-just-now' } } as never);
    expect(token).toEqual({ email, sessionToken: 'opened-just-now' });
  });

  it('signing out closes the session row, so the cookie is worth nothing afterwards', async () => {
    const token = await cookieToken();
    expect(await actorForSession(t.db, token.sessionToken as string)).not.toBeNull();
    await authOptions().events!.signOut!({ token, session: undefined } as never);
    expect(await actorForSession(t.db, token.sessionToken as string)).toBeNull();
    await authOptions().events!.signOut!({ token: {}, session: undefined } as never);
  });
});

describe("next-auth's address", () => {
  it('is APP_URL, so sign-out does not send the browser to http://localhost:3000', () => {
    authOptions();
    expect(appEnv().appUrl).toBe('http://127.0.0.1:4321');
    expect(process.env.NEXTAUTH_URL).toBe('http://127.0.0.1:4321');
  });
});

describe("next-auth's error log", () => {
  it('leaves out the session that ended (an everyday sign-out, answered as such), and logs every other error', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { logger } = authOptions();
      const ended = new Error('the session was closed, has expired or its account is disabled');
      logger!.error!('JWT_SESSION_ERROR', ended);
      expect(logged).not.toHaveBeenCalled();
      const broken = new Error('database down');
      logger!.error!('JWT_SESSION_ERROR', broken);
      logger!.error!('SIGNIN_EMAIL_ERROR' as never, ended);
      logger!.error!('JWT_SESSION_ERROR', { message: ended.message } as never);
      expect(logged.mock.calls).toEqual([
        ['[next-auth][error][JWT_SESSION_ERROR]', broken],
        ['[next-auth][error][SIGNIN_EMAIL_ERROR]', ended],
        ['[next-auth][error][JWT_SESSION_ERROR]', { message: ended.message }],
      ]);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('the session cookie a route handler reads', () => {
  const cookieOf = (token: JWT, secret = appSecret()) => encode({ token, secret });

  it('is named as next-auth names it over http, and gives the signed-in actor while the session lasts', async () => {
    expect(sessionCookieName()).toBe('next-auth.session-token');
    const sessionToken = await openSession(t.db, userId);
    const cookie = await cookieOf({ email, sub: userId, sessionToken });
    expect(await actorFromSessionCookie(cookie)).toMatchObject({ userId, email });
    await closeSession(t.db, sessionToken);
    expect(await actorFromSessionCookie(cookie)).toBeNull();
  });

  it('gives nobody for no cookie, a cookie not ours, one sealed with another secret, or one without a session token', async () => {
    const sessionToken = await openSession(t.db, userId);
    expect(await actorFromSessionCookie(undefined)).toBeNull();
    expect(await actorFromSessionCookie('')).toBeNull();
    expect(await actorFromSessionCookie('not-a-jwe')).toBeNull();
    expect(await actorFromSessionCookie(await cookieOf({ sub: userId, sessionToken }, 'another secret, thirty-two characters'))).toBeNull();
    expect(await actorFromSessionCookie(await cookieOf({ sub: userId }))).toBeNull();
    expect(await actorFromSessionCookie(await cookieOf({ sub: userId, sessionToken: 42 as unknown as string }))).toBeNull();
    // The same session, sealed with this app's secret, is someone.
    expect(await actorFromSessionCookie(await cookieOf({ sub: userId, sessionToken }))).toMatchObject({ userId });
  });
});
