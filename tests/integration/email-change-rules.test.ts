// The edges of the address change: a cancelled or erased registration, the expiry instant, which
// page a used link shows, what the two mails say (and that a name cannot inject HTML into them), the
// audit trail, which registrations make an address "taken", and how the two flood bounds interact.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, outbox, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { confirmEmailChange, emailChangeToken, emailChangeView, requestEmailChange } from '@/lib/registration/email-change';
import { cancelRegistration } from '@/lib/registration/manage';
import { manageUrl } from '@/lib/registration/manage-token';
import { eraseRegistrations } from '@/lib/retention/erase-registration';
import { anotherForum } from '../helpers/another-forum';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { fieldsOf } from '../helpers/results';
import { EVENT, person, registeredId } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
const later = new Date('2099-01-01T00:00:00Z');
let t: TestDatabase;
let forumEn: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  const [event] = await t.db.select({ name: events.name }).from(events).where(eq(events.slug, EVENT));
  forumEn = (event!.name as Record<string, string>).en!;
});
afterAll(() => t?.close());

const register = (n: string, overrides: Record<string, unknown> = {}) =>
  registeredId(t.db, person(n, { mode: 'online', venue: null, ...overrides }), now);
const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
const mailsOf = (id: string, kind: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.registrationId, id), eq(outbox.kind, kind)));
const auditOf = (id: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));
const tokenIn = (text: string | null) => text!.match(/\/manage\/email\/(\S+)/)![1]!;

describe('a registration that is no longer there', () => {
  it('cancelled: asking is refused beside the field; a link sent before neither shows nor confirms a change', async () => {
    const id = await register('ec-cancel');
    const token = emailChangeToken(id, (await row(id)).sequence, 'ec-cancel-new@example.org', later);
    expect((await emailChangeView(t.db, token)).state).toBe('valid');
    expect((await cancelRegistration(t.db, id)).ok).toBe(true);
    const token2 = emailChangeToken(id, (await row(id)).sequence, 'ec-cancel-new@example.org', later);
    expect(fieldsOf(await requestEmailChange(t.db, id, { email: 'ec-cancel-new@example.org' }, now))).toEqual({
      email: 'registrationCancelled',
    });
    expect(await mailsOf(id, 'registration.email-change')).toHaveLength(0);
    // A link bound to the cancelled registration's current sequence still changes nothing.
    expect(await emailChangeView(t.db, token2)).toEqual({ state: 'invalid' });
    expect(fieldsOf(await confirmEmailChange(t.db, token2))).toEqual({ token: 'emailChangeLink' });
    expect((await row(id)).email).toBe('pec-cancel@example.org');
    expect(await auditOf(id, 'registration.email.change')).toHaveLength(0);
  });

  it('erased, or never there: asking answers "not found"; a link for its current sequence neither shows nor confirms', async () => {
    const id = await register('ec-erase');
    await cancelRegistration(t.db, id);
    await t.db.transaction((tx) => eraseRegistrations(tx, [id], now));
    // Erasure keeps the status: revive it by hand so that only `erasedAt` stands in the way.
    await t.db.update(registrations).set({ status: 'confirmed' }).where(eq(registrations.id, id));
    const erased = await row(id);
    expect(await requestEmailChange(t.db, id, { email: 'ec-erase-new@example.org' }, now)).toMatchObject({ ok: false, code: 'not-found' });
    const token = emailChangeToken(id, erased.sequence, 'ec-erase-new@example.org', later);
    expect(await emailChangeView(t.db, token)).toEqual({ state: 'invalid' });
    expect(fieldsOf(await confirmEmailChange(t.db, token))).toEqual({ token: 'emailChangeLink' });
    expect((await row(id)).email).toBe(erased.email);

    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(await requestEmailChange(t.db, nobody, { email: 'x@example.org' }, now)).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such registration',
    });
    const ghost = emailChangeToken(nobody, 1, 'x@example.org', later);
    expect(await emailChangeView(t.db, ghost)).toEqual({ state: 'invalid' });
    expect(fieldsOf(await confirmEmailChange(t.db, ghost))).toEqual({ token: 'emailChangeLink' });
  });
});

describe('what a link is', () => {
  it('anything but a string is no link, and a registration changed ten times over still gets one that works', async () => {
    for (const token of [undefined, null, 42, {}, ['a.b.c.d.e']]) {
      expect(await emailChangeView(t.db, token)).toEqual({ state: 'invalid' });
      expect(fieldsOf(await confirmEmailChange(t.db, token))).toEqual({ token: 'emailChangeLink' });
    }
    const id = await register('ec-many');
    await t.db.update(registrations).set({ sequence: 12 }).where(eq(registrations.id, id));
    const token = emailChangeToken(id, 12, 'ec-many-new@example.org', later);
    expect((await emailChangeView(t.db, token)).state).toBe('valid');
    expect(await confirmEmailChange(t.db, token)).toEqual({ ok: true, registrationId: id });
    expect(await row(id)).toMatchObject({ email: 'ec-many-new@example.org', sequence: 13 });
  });
});

describe('the expiry instant and a used link', () => {
  it('a link works until the second it names, not at it', async () => {
    const id = await register('ec-expiry');
    const expires = new Date('2026-12-02T00:00:00Z');
    const token = emailChangeToken(id, (await row(id)).sequence, 'ec-expiry-new@example.org', expires);
    const justBefore = new Date(expires.getTime() - 1);
    expect((await emailChangeView(t.db, token, justBefore)).state).toBe('valid');
    expect((await emailChangeView(t.db, token, expires)).state).toBe('invalid');
    expect(fieldsOf(await confirmEmailChange(t.db, token, expires))).toEqual({ token: 'emailChangeLink' });
    expect((await row(id)).email).toBe('pec-expiry@example.org');
    expect(await confirmEmailChange(t.db, token, justBefore)).toEqual({ ok: true, registrationId: id });
    expect((await row(id)).email).toBe('ec-expiry-new@example.org');
  });

  it("a request's link expires 24 hours after it was asked, to the second", async () => {
    const id = await register('ec-24h');
    expect(await requestEmailChange(t.db, id, { email: 'ec-24h-new@example.org' }, now)).toEqual({ ok: true });
    const [mail] = await mailsOf(id, 'registration.email-change');
    const token = tokenIn(mail!.text);
    const dayLater = new Date(now.getTime() + 24 * 3600_000);
    expect((await emailChangeView(t.db, token, new Date(dayLater.getTime() - 1))).state).toBe('valid');
    expect((await emailChangeView(t.db, token, dayLater)).state).toBe('invalid');
  });

  it('"done" only for the link that made the registration\'s current address, not after a later change nor for another link', async () => {
    const id = await register('ec-done');
    const sequence = (await row(id)).sequence;
    const used = emailChangeToken(id, sequence, 'ec-done-new@example.org', later);
    const other = emailChangeToken(id, sequence, 'ec-done-other@example.org', later);
    // The current address at the current sequence is not a change already made.
    const same = emailChangeToken(id, sequence, 'pec-done@example.org', later);
    expect((await emailChangeView(t.db, same)).state).toBe('valid');
    expect((await confirmEmailChange(t.db, used)).ok).toBe(true);
    expect(await emailChangeView(t.db, used)).toEqual({ state: 'done', to: 'ec-done-new@example.org', registrationId: id });
    // The sibling link, made at the same sequence for another address, is simply spent.
    expect(await emailChangeView(t.db, other)).toEqual({ state: 'invalid' });
    // Any later change of the registration makes even the used link's page say it no longer works.
    await t.db
      .update(registrations)
      .set({ sequence: sequence + 2 })
      .where(eq(registrations.id, id));
    expect(await emailChangeView(t.db, used)).toEqual({ state: 'invalid' });
  });
});

describe('what the two mails say, and the audit trail', () => {
  it("the confirmation: to the new address and the person's name, in their language, the name escaped in HTML, the link last; audited without the address", async () => {
    const id = await register('ec-words');
    await t.db.update(registrations).set({ name: `O'Neil <b>&"` }).where(eq(registrations.id, id));
    expect(await requestEmailChange(t.db, id, { email: 'ec-words-new@example.org' }, now)).toEqual({ ok: true });
    const [mail] = await mailsOf(id, 'registration.email-change');
    expect(mail).toMatchObject({
      eventId: (await row(id)).eventId,
      toAddress: 'ec-words-new@example.org',
      toName: `O'Neil <b>&"`,
      subject: `Confirm your new address for ${forumEn}`,
    });
    const link = `${new URL(manageUrl(id)).origin}/manage/email/${tokenIn(mail!.text)}`;
    expect(mail!.text).toBe(
      [
        `Dear O'Neil <b>&",`,
        `You asked to receive mail about your registration for ${forumEn} at ec-words-new@example.org. Open the link below and confirm within 24 hours; until then nothing changes.`,
        'If you did not ask for this, ignore this mail: your registration stays as it is.',
        `${link}\n`,
      ].join('\n\n'),
    );
    expect(mail!.html).toBe(
      '<p>Dear O&#39;Neil &lt;b&gt;&amp;&quot;,</p>' +
        `<p>You asked to receive mail about your registration for ${forumEn} at ec-words-new@example.org. Open the link below and confirm within 24 hours; until then nothing changes.</p>` +
        '<p>If you did not ask for this, ignore this mail: your registration stays as it is.</p>' +
        `<p><a href="${link}">${link}</a></p>`,
    );
    const [asked] = await auditOf(id, 'registration.email.request');
    expect(asked).toMatchObject({ actorUserId: null, entity: 'registration', details: {} });
  });

  it('the notice to the old address: who confirmed, the manage link, the name escaped; the change audited with both addresses', async () => {
    const id = await register('ec-told', { locale: 'en' });
    await t.db.update(registrations).set({ name: 'A & <B>' }).where(eq(registrations.id, id));
    const token = emailChangeToken(id, (await row(id)).sequence, 'ec-told-new@example.org', later);
    expect(await confirmEmailChange(t.db, token, now)).toEqual({ ok: true, registrationId: id });
    const after = await row(id);
    expect(after.updatedAt).toEqual(now);
    const [mail] = await mailsOf(id, 'registration.email-changed');
    expect(mail).toMatchObject({
      toAddress: 'pec-told@example.org',
      toName: 'A & <B>',
      subject: `Your address for ${forumEn} was changed`,
    });
    const body = [
      'Dear A & <B>,',
      `Mail about your registration for ${forumEn} now goes to ec-told-new@example.org, as confirmed from that address.`,
      "If you did not ask for this, tell the organisers at once. Your registration's page:",
    ];
    expect(mail!.text).toBe(`${body.join('\n\n')}\n\n${manageUrl(id)}\n`);
    expect(mail!.html).toBe(
      '<p>Dear A &amp; &lt;B&gt;,</p>' +
        `<p>${body[1]}</p>` +
        '<p>If you did not ask for this, tell the organisers at once. Your registration&#39;s page:</p>' +
        `<p><a href="${manageUrl(id)}">${manageUrl(id)}</a></p>`,
    );
    const [changed] = await auditOf(id, 'registration.email.change');
    expect(changed).toMatchObject({
      actorUserId: null,
      entity: 'registration',
      eventId: after.eventId,
      details: { from: 'pec-told@example.org', to: 'ec-told-new@example.org' },
    });
  });

  it('a registration whose language is not offered any more reads its mails in English', async () => {
    const id = await register('ec-lang', { locale: 'zh' });
    await t.db.update(registrations).set({ locale: 'fr' }).where(eq(registrations.id, id));
    expect(await requestEmailChange(t.db, id, { email: 'ec-lang-new@example.org' }, now)).toEqual({ ok: true });
    const [mail] = await mailsOf(id, 'registration.email-change');
    expect(mail!.subject).toBe(`Confirm your new address for ${forumEn}`);
  });
});

describe('which registrations hold an address', () => {
  it('a cancelled registration of this forum, or any of another forum, does not: the link is sent and confirms', async () => {
    const id = await register('ec-free');
    const gone = await register('ec-free-cancelled');
    await cancelRegistration(t.db, gone);
    expect(await requestEmailChange(t.db, id, { email: 'pec-free-cancelled@example.org' }, now)).toEqual({ ok: true });
    expect(await mailsOf(id, 'registration.email-change')).toHaveLength(1);

    const another = await anotherForum(t.db, 'ec-another-forum');
    const elsewhere = await register('ec-elsewhere');
    await t.db.update(registrations).set({ eventId: another.eventId }).where(eq(registrations.id, elsewhere));
    const second = await register('ec-free-2');
    expect(await requestEmailChange(t.db, second, { email: 'pec-elsewhere@example.org' }, now)).toEqual({ ok: true });
    const [mail] = await mailsOf(second, 'registration.email-change');
    expect(await confirmEmailChange(t.db, tokenIn(mail!.text), now)).toEqual({ ok: true, registrationId: second });
    expect((await row(second)).email).toBe('pec-elsewhere@example.org');
  });

  it('a registration refused by its own bound does not use up the bound of the address it typed', async () => {
    const flooder = await register('ec-bound');
    for (const n of [1, 2, 3])
      expect(await requestEmailChange(t.db, flooder, { email: `ec-bound-${n}@example.org` }, now)).toEqual({ ok: true });
    const target = 'ec-bound-target@example.org';
    expect(fieldsOf(await requestEmailChange(t.db, flooder, { email: target }, now))).toEqual({ email: 'emailChangeTooMany' });
    // Three others may still send one link each to that address.
    for (const n of [1, 2, 3])
      expect(await requestEmailChange(t.db, await register(`ec-bound-other-${n}`), { email: target }, now)).toEqual({ ok: true });
  });
});
