import { rgb } from 'pdf-lib';
import { centred, newDocument } from '@/lib/badges/badge-pdf';
import { FontBook } from '@/lib/badges/fonts';

const MM = 72 / 25.4;
/** A4 landscape. */
const PAGE = { width: 297 * MM, height: 210 * MM };
const ACCENT = rgb(0.04, 0.36, 0.68);
const MUTED = rgb(0.35, 0.35, 0.4);

/** What a certificate says, already in the holder's language: the lines in order, the name second. */
export type CertificateText = { title: string; lines: string[]; verify: string; code: string };

/** A certificate of attendance on one A4 page, in the same embedded Noto fonts as the badges. */
export async function certificatePdf(text: CertificateText): Promise<Uint8Array> {
  const doc = await newDocument(text.title);
  const fonts = new FontBook(doc);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const box = { x: 0, width: PAGE.width };
  page.drawRectangle({
    x: 10 * MM,
    y: 10 * MM,
    width: PAGE.width - 20 * MM,
    height: PAGE.height - 20 * MM,
    borderColor: ACCENT,
    borderWidth: 2,
  });
  await centred(page, fonts, text.title, box, PAGE.height - 45 * MM, 30, 14, ACCENT);
  const [certifies, name, ...rest] = text.lines;
  await centred(page, fonts, certifies ?? '', box, PAGE.height - 70 * MM, 14, 8, MUTED);
  await centred(page, fonts, name ?? '', box, PAGE.height - 88 * MM, 28, 12);
  let y = PAGE.height - 105 * MM;
  for (const line of rest) {
    if (!line) continue;
    await centred(page, fonts, line, box, y, 14, 7);
    y -= 10 * MM;
  }
  await centred(page, fonts, text.verify, box, 24 * MM, 9, 5, MUTED);
  await centred(page, fonts, text.code, box, 18 * MM, 9, 5, MUTED);
  return doc.save();
}
