// Badges as PDF: the text a PDF reader extracts holds the name in its own script (Thai, Chinese,
// Vietnamese), the organisation, the country, the venue and the short code; the fonts are embedded
// (no printer font needed); staff of one venue get no badge of another venue's attendee.
import { extractText, getDocumentProxy } from 'unpdf';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Actor } from '@/lib/auth/sessions';
import { badgeSheetsPdf, singleBadgePdf } from '@/lib/badges/badge-pdf';
import { loadBadges } from '@/lib/badges/load-badges';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let bangkokDesk: Actor;
let thai: string;
let chinese: string;
let nanning: string;

async function register(n: string, overrides: Record<string, unknown>) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

/**
 * The PDF's text as a reader extracts it. fontkit draws a precomposed Vietnamese letter such as ị as
 * two glyphs (ı and the dot below, the font's own decomposition); pdf.js reports the second one as a
 * control character, which is dropped here (the letter itself is there, and prints whole).
 */
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
  thai = await register('badge-th', { name: 'สมชาย ใจดี', organisation: 'สวทช.', country: 'TH', venue: 'bangkok' });
  chinese = await register('badge-zh', { name: '王小明', organisation: '广西大学', country: 'CN', venue: 'bangkok' });
  await register('badge-vi', { name: 'Nguyễn Thị Ánh', organisation: 'Đại học Bách khoa Hà Nội', country: 'VN', venue: 'bangkok' });
  nanning = await register('badge-nn', { name: '李华', venue: 'nanning' });
});
afterAll(() => t?.close());

describe(`badges (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a Thai attendee’s badge reads back with name, organisation, country, venue and short code', async () => {
    const found = await loadBadges(t.db, bangkokDesk, EVENT, { registrationId: thai }, 'en');
    const badge = found!.badges[0]!;
    const text = await pdfText(await singleBadgePdf(badge));
    expect(text).toContain('สมชาย ใจดี');
    expect(text).toContain('สวทช.');
    expect(text).toContain('Thailand');
    expect(text).toContain(badge.venue);
    expect(text).toContain(`${badge.shortCode.slice(0, 4)}-${badge.shortCode.slice(4)}`);
  });

  it('a venue’s sheets hold every badge, Chinese and Vietnamese names included, four to an A4 page, fonts embedded', async () => {
    const found = await loadBadges(t.db, bangkokDesk, EVENT, { venueSlug: 'bangkok' }, 'zh');
    expect(found!.badges.length).toBeGreaterThanOrEqual(3);
    const bytes = await badgeSheetsPdf(found!.badges, found!.venue);
    const text = await pdfText(bytes);
    expect(text).toContain('王小明');
    expect(text).toContain('广西大学');
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('中国');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(Math.ceil(found!.badges.length / 4));
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    // Every font in the file carries its own glyphs (FontFile2/FontFile3): nothing left to the printer.
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((o) => 'get' in o && (o as { get: (n: PDFName) => unknown }).get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const descriptor of fonts as unknown as { get: (n: PDFName) => unknown }[])
      expect(descriptor.get(PDFName.of('FontFile2')) ?? descriptor.get(PDFName.of('FontFile3'))).toBeTruthy();
  });

  it('staff of one venue get no badge of another venue’s attendee, and no sheet of another venue', async () => {
    expect(await loadBadges(t.db, bangkokDesk, EVENT, { registrationId: nanning }, 'en')).toBeNull();
    expect((await loadBadges(t.db, bangkokDesk, EVENT, { venueSlug: 'nanning' }, 'en'))!.badges).toEqual([]);
    expect((await loadBadges(t.db, bangkokDesk, EVENT, { registrationId: chinese }, 'en'))!.badges[0]!.name).toBe('王小明');
  });
});
