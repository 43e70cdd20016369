import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users, verificationTokens } from '@/db/schema';
import { demoAccounts, seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemoForum } from '@/lib/demo/seed';
import { consumeMagicLinkToken, MAGIC_LINK_TTL_MS } from '@/lib/auth/magic-link';
import { MAGIC_LINK_WINDOW_MS, magicLinkAllowed } from '@/lib/auth/magic-link-limits';
import { requestMagicLink } from '@/lib/auth/request-magic-link';
import { upsertUser } from '@/lib/auth/users';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmtpServer } from '../helpers/smtp';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24' });
  await seedDemoAccounts(t.db, eventId, 'china-asean-tech-forum');
});
afterAll(() => t?.close());

async function mailsTo(email: string) {
  return t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, 'auth.magic-link')));
}

/** The token as the recipient sees it: taken from the link in the mail, not from the database. */
function tokenFromMail(mail: { text: string | null; html: string | null }): string {
  const link = /https?:\/\/\S+\/signin\/magic\?token=([^&\s]+)&callbackUrl=(\S+)/.exec(mail.text ?? '');
  expect(link, 'the mail carries a sign-in link').not.toBeNull();
  expect(mail.html).toContain(`token=${link![1]}`);
  return decodeURIComponent(link![1]!);
}

describe('asking for a sign-in link', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const known = await requestMagicLink(t.db, demoAccounts.speaker.email, '/speaker');
    const unknown = await requestMagicLink(t.db, 'nobody-here@example.org', '/speaker');
    expect(unknown).toEqual(known);
    expect(await mailsTo('nobody-here@example.org')).toHaveLength(0);
    const [mail] = await mailsTo(demoAccounts.speaker.email);
    expect(mail!.text).toContain('callbackUrl=%2Fspeaker');
    const [user] = await t.db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, 'nobody-here@example.org'));
    expect(user).toBeUndefined();
  });

  it('leads to the home page when asked for without a destination', async () => {
    const email = 'no.destination@forum.test';
    await upsertUser(t.db, { email });
    expect(await requestMagicLink(t.db, email)).toEqual({ ok: true });
    const [mail] = await mailsTo(email);
    expect(mail!.text).toMatch(/callbackUrl=%2F(\s|$)/);
  });

  it('creates an account for a listed speaker who has none, so they can reach the portal', async () => {
    const email = 'kenji-watanabe@speakers.hybrid-forum.example';
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await requestMagicLink(t.db, email.toUpperCase(), '/speaker')).toEqual({ ok: true });
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ name: 'Kenji Watanabe', passwordHash: null });
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('gives a link that works exactly once, stored only as a hash', async () => {
    await requestMagicLink(t.db, demoAccounts.organiser.email, '/admin');
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
    await requestMagicLink(t.db, email, '/admin');
    const token = tokenFromMail((await mailsTo(email))[0]!);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    const [row] = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, user!.id));
    expect(row!.expires.getTime() - Date.now()).toBeLessThanOrEqual(MAGIC_LINK_TTL_MS);
    expect(row!.expires.getTime() - Date.now()).toBeGreaterThan(MAGIC_LINK_TTL_MS - 60_000);
    // Move the clock past the deadline by moving the deadline into the past.
    await t.db
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1) })
      .where(eq(verificationTokens.identifier, user!.id));
    expect(await consumeMagicLinkToken(t.db, token)).toBeNull();
  });
});

describe('rate limits on sign-in links', () => {
  it('refuse a sixth request for one address from one client, known or not, while another client still gets through', async () => {
    for (const email of ['zhang-min@speakers.hybrid-forum.example', 'ghost@example.org']) {
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await requestMagicLink(t.db, email, '/speaker', { clientKey: '203.0.113.50' }));
      expect(results.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => ({ ok: true })));
      expect(results[5]).toMatchObject({ ok: false, code: 'rate-limited', retryAfterSeconds: expect.any(Number) });
      // The same address in another case is the same address.
      expect(await requestMagicLink(t.db, email.toUpperCase(), '/speaker', { clientKey: '203.0.113.50' })).toMatchObject({
        ok: false,
        code: 'rate-limited',
      });
      expect(await requestMagicLink(t.db, email, '/speaker', { clientKey: '198.51.100.50' })).toEqual({ ok: true });
    }
    // Seven accepted requests within a minute, one mail: the first link is still unused.
    expect(await mailsTo('zhang-min@speakers.hybrid-forum.example')).toHaveLength(1);
  });

  it('refuse one client asking for many addresses, while other clients still get through', async () => {
    const limits = { perAddressAndClient: 100, perClient: 5 };
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await requestMagicLink(t.db, `probe-${i}@example.org`, '/', { clientKey: '203.0.113.9', limits }));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results[5]).toMatchObject({ ok: false, code: 'rate-limited' });
    expect(await requestMagicLink(t.db, 'probe-6@example.org', '/', { clientKey: '198.51.100.7', limits })).toEqual({ ok: true });
  });

  it('send nothing for a refused request, even to a known account with no link waiting', async () => {
    const limits = { perAddressAndClient: 100, perClient: 1 };
    await upsertUser(t.db, { email: 'first.known@forum.test', name: 'First' });
    await upsertUser(t.db, { email: 'second.known@forum.test', name: 'Second' });
    expect(await requestMagicLink(t.db, 'first.known@forum.test', '/', { clientKey: '192.0.2.44', limits })).toEqual({ ok: true });
    expect(await requestMagicLink(t.db, 'second.known@forum.test', '/', { clientKey: '192.0.2.44', limits })).toMatchObject({
      ok: false,
      code: 'rate-limited',
    });
    expect(await mailsTo('first.known@forum.test')).toHaveLength(1);
    expect(await mailsTo('second.known@forum.test')).toHaveLength(0);
  });

  it('allow requests again once the window has passed', async () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const limits = { perAddressAndClient: 2, perClient: 100 };
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect((await magicLinkAllowed(t.db, 'a@example.org', 'window-client', limits, at(0))).allowed).toBe(true);
    expect((await magicLinkAllowed(t.db, 'a@example.org', 'window-client', limits, at(1))).allowed).toBe(true);
    expect(await magicLinkAllowed(t.db, 'a@example.org', 'window-client', limits, at(2))).toMatchObject({
      allowed: false,
      retryAfterSeconds: 900,
    });
    expect((await magicLinkAllowed(t.db, 'a@example.org', 'window-client', limits, at(MAGIC_LINK_WINDOW_MS + 1))).allowed).toBe(true);
  });
});

describe('strangers asking for someone else’s sign-in link', () => {
  const owner = 'owner.of.mailbox@forum.test';
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('cannot lock the owner out: after fifty requests from other clients, the owner asks and a working link is in their mailbox, mailed once', async () => {
    await upsertUser(t.db, { email: owner, name: 'Mailbox Owner' });
    const smtp = await startSmtpServer();
    cleanups.push(() => smtp.close());
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    cleanups.push(() => transport.close());

    // One stranger from one address, then many from many: every answer is the same as the owner's.
    for (let i = 0; i < 10; i++) await requestMagicLink(t.db, owner, '/', { clientKey: '203.0.113.66' });
    const strangers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => requestMagicLink(t.db, owner, '/', { clientKey: `198.51.100.${i + 100}` })),
    );
    expect(strangers).toEqual(Array.from({ length: 40 }, () => ({ ok: true })));

    expect(await requestMagicLink(t.db, owner, '/speaker', { clientKey: '192.0.2.10' })).toEqual({ ok: true });
    while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).claimed > 0);
    const inbox = smtp.received.filter((mail) => mail.envelope.to.includes(owner));
    expect(inbox).toHaveLength(1);
    const token = tokenFromMail({
      text: inbox[0]!.parsed.text ?? null,
      html: typeof inbox[0]!.parsed.html === 'string' ? inbox[0]!.parsed.html : null,
    });
    const [user] = await t.db.select().from(users).where(eq(users.email, owner));
    expect(await consumeMagicLinkToken(t.db, token)).toBe(user!.id);

    // Once that link is used, the owner's next request mails a new one at once.
    expect(await requestMagicLink(t.db, owner, '/', { clientKey: '192.0.2.10' })).toEqual({ ok: true });
    expect(await mailsTo(owner)).toHaveLength(2);
  });
});
