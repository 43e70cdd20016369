// An event's documents as its organisers set them: the letter's body per language with
// placeholders, a letterhead and a signature image (checked by their bytes and size) in the letter
// PDF, the badge layout and logo on single badges and A4 sheets; a category with visa support issues
// the letter its registrant asked for when an organiser approves the registration, and mails it.
// Each PDF is read back: its text with unpdf (pdf.js), its images with pdf-lib.
import { eq } from 'drizzle-orm';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, outbox, visaLetters } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { badgeSheetsPdf, singleBadgePdf } from '@/lib/badges/badge-pdf';
import { loadBadges } from '@/lib/badges/load-badges';
import { seedDemoForum } from '@/lib/demo/seed';
import {
  documentImageDataUrl,
  documentSettingsFor,
  MAX_DOCUMENT_IMAGE_BYTES,
  saveBadgeLayout,
  saveDocumentImage,
  saveLetterTemplate,
} from '@/lib/documents/settings';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { approveRegistrationsWithLetters, decideVisaLetter, requestVisaLetter, visaLetterForManageToken } from '@/lib/visa/letters';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let bangkokDesk: Actor;

const passport = {
  passportName: 'สมศักดิ์ มีสุข',
  nationality: 'TH',
  passportNumber: 'AB7654321',
  dateOfBirth: '1979-11-02',
  passportExpiry: '2031-01-31',
};

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(200);
  // Without an alpha channel, so pdf-lib embeds one image (no soft mask beside it).
  return PNG.sync.write(image, { colorType: 2, inputHasAlpha: true });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return [...text].filter((c) => c === '\n' || c.codePointAt(0)! >= 0x20).join('');
}

/** The sizes (w×h) of the images a PDF holds, the QR codes among them. */
async function imageSizes(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map((o) => `${o.dict.get(PDFName.of('Width'))}x${o.dict.get(PDFName.of('Height'))}`)
    .sort();
}

async function register(n: string, overrides: Record<string, unknown> = {}) {
  const result = await registerAttendee(t.db, EVENT, person(n, { venue: 'bangkok', ...overrides }), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.documents@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk.documents@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
});
afterAll(() => t?.close());

describe(`document settings (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('images are checked by their bytes and size; only organisers change the settings', async () => {
    expect(documentImageDataUrl(png(4, 4))).toMatchObject({ ok: true });
    // A GIF, a file named .png that is text, and an empty one are not PNG or JPEG.
    expect(documentImageDataUrl(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;xxxxxxx'))).toMatchObject({
      ok: false,
      fields: { image: 'documentImageType' },
    });
    expect(documentImageDataUrl(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({
      fields: { image: 'documentImageType' },
    });
    expect(documentImageDataUrl(new Uint8Array())).toMatchObject({ fields: { image: 'documentImageType' } });
    const big = new Uint8Array(MAX_DOCUMENT_IMAGE_BYTES + 1);
    big.set(png(4, 4));
    expect(documentImageDataUrl(big)).toMatchObject({ fields: { image: 'documentImageTooBig' } });

    await expect(saveDocumentImage(t.db, bangkokDesk, EVENT, 'badgeLogo', png(4, 4))).rejects.toBeInstanceOf(AuthorizationError);
    await expect(saveBadgeLayout(t.db, bangkokDesk, EVENT, { layout: 'compact' })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(saveLetterTemplate(t.db, bangkokDesk, EVENT, { body: { en: 'x' } })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await saveBadgeLayout(t.db, organiser, EVENT, { layout: 'diagonal' })).toMatchObject({
      ok: false,
      fields: { layout: 'invalid' },
    });
    expect(await saveLetterTemplate(t.db, organiser, EVENT, { body: { en: 'Dear {name}, your {password}' } })).toMatchObject({
      ok: false,
      fields: { body: 'letterPlaceholder' },
    });
    expect((await documentSettingsFor(t.db, eventId)).badgeLayout).toBe('standard');
  });

  it('the letter uses the organiser’s body in the reader’s language, the letterhead and the signature', async () => {
    const saved = await saveLetterTemplate(t.db, organiser, EVENT, {
      body: {
        en: 'We invite {name} ({nationality}, passport {passportNumber}) to {forum} from {from} to {to} at {venue}.\n\nOur reference: {reference}.',
        th: 'ขอเชิญ {name} หนังสือเดินทางเลขที่ {passportNumber} เข้าร่วม {forum}',
      },
    });
    expect(saved).toEqual({ ok: true });
    expect(await saveDocumentImage(t.db, organiser, EVENT, 'letterhead', png(600, 80))).toEqual({ ok: true });
    expect(await saveDocumentImage(t.db, organiser, EVENT, 'signature', png(240, 90))).toEqual({ ok: true });

    const id = await register('doc-letter', { name: 'Somsak Meesuk' });
    const asked = await requestVisaLetter(t.db, manageTokenFor(id), passport);
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const issued = await decideVisaLetter(t.db, organiser, EVENT, asked.letterId, 'issue');
    if (!issued.ok) throw new Error(JSON.stringify(issued));

    const en = await visaLetterForManageToken(t.db, manageTokenFor(id), 'en');
    if (!en.ok) throw new Error(JSON.stringify(en));
    const text = (await pdfText(en.pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('We invite สมศักดิ์ มีสุข (TH, passport AB7654321) to');
    expect(text).toMatch(/from .+2026 to .+2026 at /);
    expect(text).toContain(`Our reference: HF-2026-000${issued.referenceNumber}.`);
    // The built-in wording is replaced, the verification line stays.
    expect(text).not.toContain('Name as in passport');
    expect(text).toContain('/verify/letter/');
    const images = await imageSizes(en.pdf);
    expect(images).toEqual(['240x90', '600x80']);

    const th = await visaLetterForManageToken(t.db, manageTokenFor(id), 'th');
    if (!th.ok) throw new Error(JSON.stringify(th));
    expect(await pdfText(th.pdf)).toContain('ขอเชิญ สมศักดิ์ มีสุข หนังสือเดินทางเลขที่ AB7654321 เข้าร่วม');
    // A language the organiser left empty falls back to English.
    const ja = await visaLetterForManageToken(t.db, manageTokenFor(id), 'ja');
    if (!ja.ok) throw new Error(JSON.stringify(ja));
    expect(await pdfText(ja.pdf)).toContain('We invite สมศักดิ์ มีสุข');

    // Emptying every language and removing the images goes back to the built-in letter.
    expect(await saveLetterTemplate(t.db, organiser, EVENT, { body: { en: '' } })).toEqual({ ok: true });
    await saveDocumentImage(t.db, organiser, EVENT, 'letterhead', null);
    await saveDocumentImage(t.db, organiser, EVENT, 'signature', null);
    const plain = await visaLetterForManageToken(t.db, manageTokenFor(id), 'en');
    if (!plain.ok) throw new Error(JSON.stringify(plain));
    expect(await pdfText(plain.pdf)).toContain('Name as in passport: สมศักดิ์ มีสุข');
    expect(await imageSizes(plain.pdf)).toEqual([]);
  });

  it('the badge layout and logo apply to single badges and to A4 sheets', async () => {
    const id = await register('doc-badge', { name: '陈美玲' });
    const standard = await loadBadges(t.db, bangkokDesk, EVENT, { registrationId: id }, 'en');
    expect(standard!.style).toEqual({ layout: 'standard', logo: null });
    const plainQr = await imageSizes(await singleBadgePdf(standard!.badges[0]!, standard!.style));

    expect(await saveBadgeLayout(t.db, organiser, EVENT, { layout: 'large-name' })).toEqual({ ok: true });
    expect(await saveDocumentImage(t.db, organiser, EVENT, 'badgeLogo', png(300, 100))).toEqual({ ok: true });
    const single = await loadBadges(t.db, bangkokDesk, EVENT, { registrationId: id }, 'en');
    expect(single!.style.layout).toBe('large-name');
    const badge = await singleBadgePdf(single!.badges[0]!, single!.style);
    expect(await pdfText(badge)).toContain('陈美玲');
    expect(await imageSizes(badge)).toEqual([...plainQr, '300x100'].sort());
    // The name is drawn bigger in the large-name layout: its text run's font size, read back.
    const size = async (bytes: Uint8Array) => {
      const doc = await getDocumentProxy(new Uint8Array(bytes));
      const content = await (await doc.getPage(1)).getTextContent();
      const item = content.items.find((i) => 'str' in i && i.str.includes('陈')) as { transform: number[] } | undefined;
      return item?.transform[0];
    };
    expect(await size(badge)).toBeGreaterThan((await size(await singleBadgePdf(standard!.badges[0]!, standard!.style)))!);

    const sheet = await loadBadges(t.db, bangkokDesk, EVENT, { venueSlug: 'bangkok' }, 'en');
    const sheets = await badgeSheetsPdf(sheet!.badges, sheet!.venue, sheet!.style);
    // One logo image, embedded once and drawn on every badge of the sheets.
    expect((await imageSizes(sheets)).filter((s) => s === '300x100')).toHaveLength(1);
    expect(await pdfText(sheets)).toContain('陈美玲');
  });

  it('approving a registration of a visa-support category issues the letter it asked for, and mails it', async () => {
    const [withVisa] = await t.db
      .insert(attendeeCategories)
      .values({ eventId, name: { en: 'Delegates with visas' }, requiresApproval: true, visaSupport: true })
      .returning();
    const [without] = await t.db
      .insert(attendeeCategories)
      .values({ eventId, name: { en: 'Delegates' }, requiresApproval: true })
      .returning();
    const a = await register('doc-visa-a', { category: withVisa!.id });
    const b = await register('doc-visa-b', { category: without!.id });
    const c = await register('doc-visa-c', { category: withVisa!.id });
    for (const id of [a, b]) expect((await requestVisaLetter(t.db, manageTokenFor(id), passport)).ok).toBe(true);
    const approved = await approveRegistrationsWithLetters(t.db, organiser, EVENT, { ids: [a, b, c] });
    expect(approved).toMatchObject({ ok: true, tally: { seated: 3 } });
    const letters = Object.fromEntries(
      (await t.db.select().from(visaLetters)).filter((l) => [a, b, c].includes(l.registrationId)).map((l) => [l.registrationId, l.status]),
    );
    // a: issued on approval; b: its category has no visa support, the request waits; c: never asked.
    expect(letters).toEqual({ [a]: 'issued', [b]: 'requested' });
    const mails = (await t.db.select().from(outbox).where(eq(outbox.kind, 'visa.issued'))).map((m) => m.registrationId);
    expect(mails).toContain(a);
    expect(mails).not.toContain(b);
    const letter = await visaLetterForManageToken(t.db, manageTokenFor(a), 'en');
    expect(letter.ok).toBe(true);
  });
});
