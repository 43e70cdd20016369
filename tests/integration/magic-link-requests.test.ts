import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users, verificationTokens } from '@/db/schema';
import { demoAccounts, seedDemoAccounts } from '@/db/seed/demo-accounts';
import { seedDemoForum } from '@/db/seed/seed';
import { consumeMagicLinkToken, MAGIC_LINK_TTL_MS } from '@/lib/auth/magic-link';
import { requestMagicLink } from '@/lib/auth/request-magic-link';
import { createRateLimiter } from '@/lib/security/rate-limit';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24' });
  await seedDemoAccounts(t.db, eventId, 'china-asean-tech-forum');
});
afterAll(() => t?.close());

const roomy = () => ({ perEmail: createRateLimiter({ limit: 100, windowMs: 60_000 }), perClient: createRateLimiter({ limit: 100, windowMs: 60_000 }) });

async function mailsTo(email: string) {
  return t.db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, 'auth.magic-link')));
}

/** The token as the recipient sees it: taken from the link in the mail, not from the database. */
function tokenFromMail(mail: { text: string | null; html: string | null }): string {
  const link = /https?:\/\/\S+\/signin\/magic\?token=([^&\s]+)&callbackUrl=(\S+)/.exec(mail.text ?? "");
  expect(link, 'the mail carries a sign-in link').not.toBeNull();
  expect(mail.html).toContain(`token=${link![1]}`);
  return decodeURIComponent(link![1]!);
}

describe('asking for a sign-in link', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const known = await requestMagicLink(t.db, demoAccounts.speaker.email, '/speaker', { limiters: roomy() });
    const unknown = await requestMagicLink(t.db, 'nobody-here@example.org', '/speaker', { limiters: roomy() });
    expect(unknown).toEqual(known);
    expect(await mailsTo('nobody-here@example.org')).toHaveLength(0);
    const [mail] = await mailsTo(demoAccounts.speaker.email);
    expect(mail!.text).toContain('callbackUrl=%2Fspeaker');
    const [user] = await t.db.select().from(users).where(eq(sql`lower(${users.email})`, 'nobody-here@example.org'));
    expect(user).toBeUndefined();
  });

  it('creates an account for a listed speaker who has none, so they can reach the portal', async () => {
    const email = 'kenji-watanabe@speakers.hybrid-forum.example';
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await requestMagicLink(t.db, email.toUpperCase(), '/speaker', { limiters: roomy() })).toEqual({ accepted: true });
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ name: 'Kenji Watanabe', passwordHash: null });
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('gives a link that works exactly once, stored only as a hash', async () => {
    await requestMagicLink(t.db, demoAccounts.organiser.email, '/admin', { limiters: roomy() });
    const [mail] = await mailsTo(demoAccounts.organiser.email);
    const token = tokenFromMail(mail!);
    const stored = await t.db.select({ token: verificationTokens.token }).from(verificationTokens);
    expect(stored.map((s) => s.token)).not.toContain(token);
    const [first, second] = await Promise.all([consumeMagicLinkToken(t.db, token), consumeMagicLinkToken(t.db, token)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await consumeMagicLinkToken(t.db, token)).toBeNull();
  });

  it('gives a link that stops working after 15 minutes', async () => {
    const email = 'checkin.bangkok@forum.demo';
    await requestMagicLink(t.db, email, '/admin', { limiters: roomy() });
    const token = tokenFromMail((await mailsTo(email))[0]!);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    const [row] = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, user!.id));
    expect(row!.expires.getTime() - Date.now()).toBeLessThanOrEqual(MAGIC_LINK_TTL_MS);
    expect(row!.expires.getTime() - Date.now()).toBeGreaterThan(MAGIC_LINK_TTL_MS - 60_000);
    // Move the clock past the deadline by moving the deadline into the past.
    await t.db.update(verificationTokens).set({ expires: new Date(Date.now() - 1) }).where(eq(verificationTokens.identifier, user!.id));
    expect(await consumeMagicLinkToken(t.db, token)).toBeNull();
  });
});

describe('rate limits on sign-in links', () => {
  it('refuse a fourth request for one address within the window, known or not, and mail nothing more', async () => {
    for (const email of ['zhang-min@speakers.hybrid-forum.example', 'ghost@example.org']) {
      const limiters = { perEmail: createRateLimiter({ limit: 3, windowMs: 60_000 }), perClient: createRateLimiter({ limit: 100, windowMs: 60_000 }) };
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await requestMagicLink(t.db, email, '/speaker', { clientKey: `10.0.0.${i}`, limiters }));
      expect(results.slice(0, 3)).toEqual([{ accepted: true }, { accepted: true }, { accepted: true }]);
      expect(results[3]).toMatchObject({ accepted: false, retryAfterSeconds: expect.any(Number) });
      // The same address in another case is the same address.
      expect(await requestMagicLink(t.db, email.toUpperCase(), '/speaker', { clientKey: '10.0.1.1', limiters })).toMatchObject({ accepted: false });
    }
    expect(await mailsTo('zhang-min@speakers.hybrid-forum.example')).toHaveLength(3);
  });

  it('refuse one client asking for many addresses, while other clients still get through', async () => {
    const limiters = { perEmail: createRateLimiter({ limit: 100, windowMs: 60_000 }), perClient: createRateLimiter({ limit: 5, windowMs: 60_000 }) };
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await requestMagicLink(t.db, `probe-${i}@example.org`, '/', { clientKey: '203.0.113.9', limiters }));
    expect(results.filter((r) => r.accepted)).toHaveLength(5);
    expect(results[5]).toMatchObject({ accepted: false });
    expect(await requestMagicLink(t.db, 'probe-6@example.org', '/', { clientKey: '198.51.100.7', limiters })).toEqual({ accepted: true });
  });

  it('allow requests again once the window has passed', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 15 * 60_000 });
    const start = 1_000_000;
    expect(limiter.check('a@example.org', start).allowed).toBe(true);
    expect(limiter.check('a@example.org', start + 1).allowed).toBe(true);
    expect(limiter.check('a@example.org', start + 2)).toMatchObject({ allowed: false, retryAfterSeconds: 900 });
    expect(limiter.check('a@example.org', start + 15 * 60_000 + 1).allowed).toBe(true);
  });
});
