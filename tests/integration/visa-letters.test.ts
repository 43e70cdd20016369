// Visa invitation letters: a registrant asks from their manage link with passport details, each
// field checked in words; the details are sealed in the database (the column never holds them in
// plain text); only organisers read them (audited) and issue the letter, which gets the event's
// next reference number; the PDF (text read back) carries the passport name and number, the dates
// with their zone, the venue and a verification URL whose check shows only the name and validity.
import { eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, registrations, visaLetters } from '@/db/schema';
import { resultRows } from '@/db/rows';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { eraseOwnRegistration } from '@/lib/retention/erase-own-registration';
import { manageTokenFor, manageUrl } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import {
  ALREADY_ISSUED,
  decideVisaLetter,
  letterCode,
  listVisaLetters,
  NOT_IN_PERSON,
  NOT_ISSUED,
  requestVisaLetter,
  verifyVisaLetter,
  visaLetterForManageToken,
} from '@/lib/visa/letters';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { startSmtpServer } from '../helpers/smtp';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokDesk: Actor;

const passport = {
  passportName: 'NGUYEN THI ANH',
  nationality: 'VN',
  passportNumber: 'c 1234 5678',
  dateOfBirth: '1988-03-14',
  passportExpiry: '2031-05-01',
};

async function register(n: string, overrides: Record<string, unknown> = {}) {
  const result = await registerAttendee(t.db, EVENT, person(n, { venue: 'bangkok', ...overrides }), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return [...text].filter((c) => c === '\n' || c.codePointAt(0)! >= 0x20).join('');
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk.bkk@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
});
afterAll(() => t?.close());

describe(`visa invitation letters (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('each passport field is checked with its own words', async () => {
    const id = await register('visa-bad');
    const result = await requestVisaLetter(t.db, manageTokenFor(id), {
      passportName: '12345',
      nationality: 'XX',
      passportNumber: 'AB',
      dateOfBirth: '1988-02-30',
      passportExpiry: '2026-12-25',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { passportName: 'passportName', nationality: 'country', passportNumber: 'passportNumber', dateOfBirth: 'dateOfBirth' },
    });
    // A passport that expires during the forum.
    expect(await requestVisaLetter(t.db, manageTokenFor(id), { ...passport, passportExpiry: '2026-12-25' })).toMatchObject({
      ok: false,
      fields: { passportExpiry: 'passportExpiry' },
    });
    expect(
      await requestVisaLetter(t.db, manageTokenFor(await register('visa-online', { mode: 'online', venue: undefined })), passport),
    ).toMatchObject({
      ok: false,
      error: NOT_IN_PERSON,
    });
  });

  it('the passport details are sealed at rest, read by organisers only (audited), and the letter needs an organiser’s issue', async () => {
    const id = await register('visa-ok', { name: 'Nguyễn Thị Ánh' });
    const requested = await requestVisaLetter(t.db, manageTokenFor(id), passport);
    if (!requested.ok) throw new Error(JSON.stringify(requested));
    const raw = resultRows<Record<string, unknown>>(await t.db.execute(sql`select * from visa_letters where id = ${requested.letterId}`));
    const stored = JSON.stringify(raw);
    for (const plain of ['C12345678', 'NGUYEN', '1988-03-14', '2031-05-01']) expect(stored).not.toContain(plain);

    // Not issued yet: no PDF, and its code is not valid.
    expect(await visaLetterForManageToken(t.db, manageTokenFor(id), 'en')).toMatchObject({ ok: false, error: NOT_ISSUED });
    expect(await verifyVisaLetter(t.db, letterCode(requested.letterId))).toEqual({ valid: false });

    await expect(listVisaLetters(t.db, bangkokDesk, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(decideVisaLetter(t.db, bangkokDesk, EVENT, requested.letterId, 'issue')).rejects.toBeInstanceOf(AuthorizationError);
    const register_ = await listVisaLetters(t.db, organiser, EVENT);
    expect(register_.find((l) => l.id === requested.letterId)?.passport).toMatchObject({
      passportNumber: 'C12345678',
      passportName: 'NGUYEN THI ANH',
    });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'visa.read'))).length).toBeGreaterThan(0);

    const issued = await decideVisaLetter(t.db, organiser, EVENT, requested.letterId, 'issue');
    expect(issued).toEqual({ ok: true, referenceNumber: 1 });
    expect(await decideVisaLetter(t.db, organiser, EVENT, requested.letterId, 'issue')).toMatchObject({ ok: false, error: ALREADY_ISSUED });
    expect(await requestVisaLetter(t.db, manageTokenFor(id), passport)).toMatchObject({ ok: false, error: ALREADY_ISSUED });

    const letter = await visaLetterForManageToken(t.db, manageTokenFor(id), 'en');
    if (!letter.ok) throw new Error(JSON.stringify(letter));
    const text = await pdfText(letter.pdf);
    expect(text).toContain('Letter of invitation');
    expect(text).toContain('Name as in passport: NGUYEN THI ANH');
    expect(text).toContain('Passport number: C12345678 (valid until 2031-05-01)');
    expect(text).toContain('Nationality: VN');
    expect(text).toContain('Date of birth: 1988-03-14');
    expect(text).toMatch(/Dates: .+2026 – .+2026 \(Bangkok, GMT\+7\)/);
    expect(text).toMatch(/Venue: .+/);
    expect(text).toMatch(/Reference HF-2026-0001/);
    const code = text
      .slice(text.indexOf('Verify this letter at'))
      .replace(/\n/g, '')
      .match(/\/verify\/letter\/(\S+)/)?.[1];
    expect(code).toBe(letterCode(requested.letterId));

    expect(await verifyVisaLetter(t.db, code!)).toEqual({ valid: true, name: 'NGUYEN THI ANH' });
    expect(await verifyVisaLetter(t.db, code!.slice(0, -1) + (code!.endsWith('A') ? 'B' : 'A'))).toEqual({ valid: false });
  });

  it('reference numbers follow each other per event; a refused request gets none; erasure removes the passport', async () => {
    const a = await register('visa-a');
    const b = await register('visa-b');
    const ra = await requestVisaLetter(t.db, manageTokenFor(a), passport);
    const rb = await requestVisaLetter(t.db, manageTokenFor(b), passport);
    if (!ra.ok || !rb.ok) throw new Error('request failed');
    expect(await decideVisaLetter(t.db, organiser, EVENT, rb.letterId, 'refuse')).toEqual({ ok: true, referenceNumber: null });
    expect(await decideVisaLetter(t.db, organiser, EVENT, ra.letterId, 'issue')).toEqual({ ok: true, referenceNumber: 2 });
    expect(await verifyVisaLetter(t.db, letterCode(rb.letterId))).toEqual({ valid: false });

    await eraseOwnRegistration(t.db, a, { now });
    expect(await t.db.select().from(visaLetters).where(eq(visaLetters.registrationId, a))).toEqual([]);
    expect(await verifyVisaLetter(t.db, letterCode(ra.letterId))).toEqual({ valid: false });
  });

  it('issuing queues a mail in the registrant’s language with the reference and their manage link; refusing mails nothing', async () => {
    const id = await register('visa-mail', { name: 'สมหญิง รักไทย', email: 'visa-mail@example.org' });
    await t.db.update(registrations).set({ locale: 'th' }).where(eq(registrations.id, id));
    const refusedId = await register('visa-mail-refused', { email: 'visa-refused@example.org' });
    const asked = await requestVisaLetter(t.db, manageTokenFor(id), passport);
    const refusedAsk = await requestVisaLetter(t.db, manageTokenFor(refusedId), passport);
    if (!asked.ok || !refusedAsk.ok) throw new Error('request failed');
    const issued = await decideVisaLetter(t.db, organiser, EVENT, asked.letterId, 'issue');
    if (!issued.ok) throw new Error(JSON.stringify(issued));
    await decideVisaLetter(t.db, organiser, EVENT, refusedAsk.letterId, 'refuse');
    const queued = (await t.db.select().from(outbox).where(eq(outbox.kind, 'visa.issued'))).filter(
      (m) => m.registrationId === id || m.registrationId === refusedId,
    );
    expect(queued.map((m) => m.toAddress)).toEqual(['visa-mail@example.org']);

    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    const mail = smtp.received.find((m) => m.envelope.to.includes('visa-mail@example.org') && m.parsed.subject?.includes('หนังสือเชิญ'));
    expect(mail?.parsed.subject).toMatch(/^หนังสือเชิญสำหรับ .+ ของคุณพร้อมแล้ว$/);
    expect(mail?.parsed.text).toContain('เรียน คุณสมหญิง รักไทย');
    expect(mail?.parsed.text).toContain(`เลขที่อ้างอิง HF-2026-${String(issued.referenceNumber).padStart(4, '0')}`);
    expect(mail?.parsed.text).toContain(manageUrl(id));
    // The passport details are not in the mail: the letter is downloaded from the manage page.
    expect(mail?.parsed.text).not.toContain('C12345678');
    expect(mail?.parsed.attachments).toEqual([]);
    expect(smtp.received.some((m) => m.envelope.to.includes('visa-refused@example.org') && m.parsed.subject?.includes('letter'))).toBe(
      false,
    );
  });
});
