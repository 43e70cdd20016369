// A registrant's address changes only through a link mailed to the new address: whoever holds the
// manage link alone cannot move the mail elsewhere unseen. The mails arrive over SMTP.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { confirmEmailChange, emailChangeToken, emailChangeView, requestEmailChange } from '@/lib/registration/email-change';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { person, registeredId } from '../helpers/registration';
import { startSmtpServer } from '../helpers/smtp';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

const register = (n: string, overrides: Record<string, unknown> = {}) =>
  registeredId(t.db, person(n, { mode: 'online', venue: null, ...overrides }), now);
const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;

async function deliver() {
  const smtp = await startSmtpServer();
  const transport = smtpTransport(smtp.url, { maxConnections: 1 });
  try {
    while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
  } finally {
    transport.close();
    await smtp.close();
  }
  return smtp.received;
}

describe('changing the address by a link sent to the new one', () => {
  it('asking changes nothing; the link mailed to the new address confirms; the old address is told; the link works once', async () => {
    const id = await register('email-old', { locale: 'zh' });
    await deliver();
    expect(await requestEmailChange(t.db, id, { email: ' New.Address@Example.org ' })).toEqual({ ok: true });
    expect((await row(id)).email).toBe('pemail-old@example.org');
    const [asked] = await deliver();
    expect(asked!.envelope.to).toEqual(['new.address@example.org']);
    expect(asked!.parsed.subject).toContain('请确认您在');
    const link = asked!.parsed.text!.match(/https?:\/\/\S+\/manage\/email\/(\S+)/)!;
    const token = link[1]!;
    // Opening the link shows the change; only the button makes it.
    expect(await emailChangeView(t.db, token)).toMatchObject({
      state: 'valid',
      from: 'pemail-old@example.org',
      to: 'new.address@example.org',
    });
    expect((await row(id)).email).toBe('pemail-old@example.org');

    expect(await confirmEmailChange(t.db, token)).toEqual({ ok: true, registrationId: id });
    expect((await row(id)).email).toBe('new.address@example.org');
    const [told] = await deliver();
    expect(told!.envelope.to).toEqual(['pemail-old@example.org']);
    expect(told!.parsed.text).toContain('new.address@example.org');
    expect(told!.parsed.text).toContain('/manage/');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'registration.email.change')));
    expect(audit!.details).toEqual({ from: 'pemail-old@example.org', to: 'new.address@example.org' });

    // Once: the same link again changes nothing and says it no longer works; the page says it is done.
    expect(await confirmEmailChange(t.db, token)).toMatchObject({ ok: false, fields: { token: 'emailChangeLink' } });
    expect(await emailChangeView(t.db, token)).toMatchObject({ state: 'done', to: 'new.address@example.org' });
  });

  it('a forged, altered, expired or outdated link changes nothing', async () => {
    const id = await register('email-forge');
    const current = await row(id);
    const good = emailChangeToken(id, current.sequence, 'attacker@example.org', new Date('2099-01-01T00:00:00Z'));
    const parts = good.split('.');
    const altered = [parts[0], parts[1], parts[2], Buffer.from('other@example.org').toString('base64url'), parts[4]].join('.');
    const forged = [...parts.slice(0, 4), 'A'.repeat(parts[4]!.length)].join('.');
    const expired = emailChangeToken(id, current.sequence, 'late@example.org', new Date('2020-01-01T00:00:00Z'));
    const outdated = emailChangeToken(id, current.sequence - 1, 'stale@example.org', new Date('2099-01-01T00:00:00Z'));
    for (const token of [altered, forged, expired, outdated, 'garbage', '', `${good}.x`]) {
      expect(await confirmEmailChange(t.db, token), token).toMatchObject({ ok: false });
      expect((await emailChangeView(t.db, token)).state, token).toBe('invalid');
    }
    expect((await row(id)).email).toBe('pemail-forge@example.org');
    // A change made after the link was sent (here, by the registrant) outdates it too.
    await t.db
      .update(registrations)
      .set({ sequence: current.sequence + 5 })
      .where(eq(registrations.id, id));
    expect(await confirmEmailChange(t.db, good)).toMatchObject({ ok: false, fields: { token: 'emailChangeLink' } });
    expect((await row(id)).email).toBe('pemail-forge@example.org');
  });

  it('refuses a bad or identical address beside the field; an address another registration holds gets no link and the same answer', async () => {
    const id = await register('email-checks');
    await register('email-holder');
    expect(await requestEmailChange(t.db, id, { email: 'not an address' })).toMatchObject({ ok: false, fields: { email: 'email' } });
    expect(await requestEmailChange(t.db, id, { email: 'PEMAIL-CHECKS@example.org' })).toMatchObject({
      ok: false,
      fields: { email: 'sameEmail' },
    });
    const before = (await t.db.select().from(outbox).where(eq(outbox.registrationId, id))).length;
    expect(await requestEmailChange(t.db, id, { email: 'pemail-holder@example.org' })).toEqual({ ok: true });
    expect((await t.db.select().from(outbox).where(eq(outbox.registrationId, id))).length).toBe(before);
    // Taken between the request and the confirmation: refused then, nothing changed.
    expect(await requestEmailChange(t.db, id, { email: 'soon-taken@example.org' })).toEqual({ ok: true });
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.registrationId, id), eq(outbox.kind, 'registration.email-change')));
    const token = mail!.text!.match(/\/manage\/email\/(\S+)/)![1]!;
    await register('soon-taken', { email: 'soon-taken@example.org' });
    expect(await confirmEmailChange(t.db, token)).toMatchObject({ ok: false, fields: { token: 'registrationEmailTaken' } });
    expect((await row(id)).email).toBe('pemail-checks@example.org');
  });

  it('a flood is bounded: three links an hour per registration and three to one address, then refused in words, nothing mailed', async () => {
    const mails = async () => (await t.db.select().from(outbox).where(eq(outbox.kind, 'registration.email-change'))).length;
    const flooder = await register('email-flooder');
    for (const n of [1, 2, 3])
      expect(await requestEmailChange(t.db, flooder, { email: `target${n}@example.org` }, now)).toEqual({ ok: true });
    const before = await mails();
    expect(await requestEmailChange(t.db, flooder, { email: 'target4@example.org' }, now)).toMatchObject({
      ok: false,
      fields: { email: 'emailChangeTooMany' },
    });
    // Many manage links aimed at one inbox: the address has its own bound.
    const victim = 'victim.inbox@example.org';
    for (const n of [1, 2, 3])
      expect(await requestEmailChange(t.db, await register(`email-aim-${n}`), { email: victim }, now)).toEqual({ ok: true });
    const aimed = await mails();
    expect(await requestEmailChange(t.db, await register('email-aim-4'), { email: victim }, now)).toMatchObject({
      ok: false,
      fields: { email: 'emailChangeTooMany' },
    });
    expect(await mails()).toBe(aimed);
    expect(aimed).toBe(before + 3);
    // An hour later the registrant may ask again.
    expect(await requestEmailChange(t.db, flooder, { email: 'target4@example.org' }, new Date(now.getTime() + 3600_001))).toEqual({
      ok: true,
    });
  });
});
