// Certificates of attendance: a PDF only for someone the desk checked in, only after the event has
// ended; its text (read back from the PDF) names the person, the forum, the venue, the days and the
// check-in time with their zone, and a verification URL whose page shows the name and validity and
// refuses an altered code. An undone check-in takes the certificate away again.
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Actor } from '@/lib/auth/sessions';
import { certificateCode, certificateForManageToken, NOT_CHECKED_IN, NOT_YET, verifyCertificate } from '@/lib/certificates/certificate';
import { checkIn } from '@/lib/checkin/check-in';
import { undoCheckIn } from '@/lib/checkin/undo';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const registeredAt = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let bangkokDesk: Actor;
let endsAt: Date;
let after: Date;

async function register(n: string, overrides: Record<string, unknown> = {}) {
  const result = await registerAttendee(t.db, EVENT, person(n, { venue: 'bangkok', ...overrides }), { now: registeredAt });
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
  bangkokDesk = await actorFor(t.db, 'desk.bkk@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
  const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
  endsAt = event!.endsAt;
  after = new Date(endsAt.getTime() + 3_600_000);
});
afterAll(() => t?.close());

describe(`certificates of attendance (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a checked-in attendee gets a PDF after the event, with name, forum, venue, zone-labelled times and a verification URL that works', async () => {
    const id = await register('cert-ok', { name: 'Pim Srisuk' });
    const checked = await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { now: new Date(endsAt.getTime() - 86_400_000) });
    expect(checked.outcome).toBe('checked-in');

    // Before the end: refused with the reason, even though checked in.
    const early = await certificateForManageToken(t.db, manageTokenFor(id), 'en', new Date(endsAt.getTime() - 60_000));
    expect(early).toMatchObject({ ok: false, code: 'conflict', error: NOT_YET });

    const result = await certificateForManageToken(t.db, manageTokenFor(id), 'en', after);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const text = await pdfText(result.pdf);
    expect(text).toContain('Certificate of attendance');
    expect(text).toContain('Pim Srisuk');
    expect(text).toMatch(/attended .+/);
    expect(text).toContain('Bangkok');
    expect(text).toContain('GMT+7');
    expect(text).toMatch(/Checked in on .+ \d{2}:\d{2} Bangkok, GMT\+7/);
    const url = text.match(/https?:\/\/\S+\/verify\/certificate\/(\S+)/);
    expect(url?.[1]).toBe(certificateCode(id));

    expect(await verifyCertificate(t.db, url![1]!, 'en', after)).toMatchObject({ valid: true, name: 'Pim Srisuk' });
    // One character of the MAC changed, or another registration's id under this MAC: not valid.
    const code = certificateCode(id);
    const altered = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(await verifyCertificate(t.db, altered, 'en', after)).toEqual({ valid: false });
    const other = await register('cert-other');
    expect(await verifyCertificate(t.db, `${other}.${code.split('.')[1]}`, 'en', after)).toEqual({ valid: false });
    expect(await verifyCertificate(t.db, 'not-a-code', 'en', after)).toEqual({ valid: false });
  });

  it('someone never checked in is refused, and so is someone whose check-in was undone', async () => {
    const never = await register('cert-never');
    expect(await certificateForManageToken(t.db, manageTokenFor(never), 'en', after)).toMatchObject({
      ok: false,
      code: 'conflict',
      error: NOT_CHECKED_IN,
    });
    expect(await verifyCertificate(t.db, certificateCode(never), 'en', after)).toEqual({ valid: false });

    const undone = await register('cert-undone');
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(undone), { now: new Date(endsAt.getTime() - 86_400_000) });
    expect((await certificateForManageToken(t.db, manageTokenFor(undone), 'en', after)).ok).toBe(true);
    await undoCheckIn(t.db, bangkokDesk, EVENT, undone);
    expect(await certificateForManageToken(t.db, manageTokenFor(undone), 'en', after)).toMatchObject({ ok: false, error: NOT_CHECKED_IN });
  });

  it('a Thai attendee’s certificate is in Thai, with the Thai name drawn by an embedded font', async () => {
    const id = await register('cert-th', { name: 'สมชาย ใจดี', locale: 'th' });
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { now: new Date(endsAt.getTime() - 86_400_000) });
    const result = await certificateForManageToken(t.db, manageTokenFor(id), 'th', after);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const text = await pdfText(result.pdf);
    expect(text).toContain('หนังสือรับรองการเข้าร่วม');
    expect(text).toContain('สมชาย ใจดี');
    expect(text).toContain('GMT+7');
  });

  it('a Vietnamese attendee’s certificate is in Vietnamese, every accented letter drawn by the embedded Latin font', async () => {
    const id = await register('cert-vi', { name: 'Nguyễn Thị Ánh', country: 'VN', locale: 'vi' });
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { now: new Date(endsAt.getTime() - 86_400_000) });
    const result = await certificateForManageToken(t.db, manageTokenFor(id), 'vi', after);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const text = await pdfText(result.pdf);
    expect(text).toContain('Giấy chứng nhận tham dự');
    expect(text).toContain('Chứng nhận rằng');
    expect(text).toContain('Nguyễn Thị Ánh');
  });

  it('a forged manage link gets nothing', async () => {
    expect(await certificateForManageToken(t.db, 'forged.token', 'en', after)).toMatchObject({ ok: false, code: 'not-found' });
  });
});
