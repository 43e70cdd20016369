import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { printedShortCode } from '@/lib/tickets/short-code';
import { ticketCode } from '@/lib/tickets/ticket';
import { FontBook, runsWidth } from './fonts';

/** What a badge shows; the QR carries the signed ticket code, the short code is printed under it. */
export type Badge = {
  registrationId: string;
  name: string;
  organisation: string;
  country: string;
  venue: string;
  shortCode: string;
};

const MM = 72 / 25.4;
/** A6 portrait: the common badge-holder size, and four of them fill an A4 sheet. */
const BADGE = { width: 105 * MM, height: 148 * MM };
const A4 = { width: 210 * MM, height: 297 * MM };
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
/** The category colour band; neutral until attendee categories carry a colour. */
const BAND = rgb(0.55, 0.58, 0.62);

async function qrPng(registrationId: string): Promise<Buffer> {
  return QRCode.toBuffer(ticketCode(registrationId), { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
}

/** Draws text centred at `y`, shrinking it (down to `min` points) until it fits `maxWidth`. */
export async function centred(
  page: PDFPage,
  fonts: FontBook,
  text: string,
  box: { x: number; width: number },
  y: number,
  size: number,
  min: number,
  color = INK,
) {
  if (!text) return;
  const runs = await fonts.runs(text);
  let at = size;
  while (at > min && runsWidth(runs, at) > box.width - 12) at -= 0.5;
  let x = box.x + Math.max(6, (box.width - runsWidth(runs, at)) / 2);
  for (const run of runs) {
    page.drawText(run.text, { x, y, size: at, font: run.font, color });
    x += run.font.widthOfTextAtSize(run.text, at);
  }
}

async function drawBadge(doc: PDFDocument, page: PDFPage, fonts: FontBook, badge: Badge, origin: { x: number; y: number }) {
  const { width, height } = BADGE;
  const box = { x: origin.x, width };
  page.drawRectangle({ x: origin.x, y: origin.y, width, height, borderColor: rgb(0.8, 0.8, 0.82), borderWidth: 0.5 });
  page.drawRectangle({ x: origin.x, y: origin.y + height - 14 * MM, width, height: 14 * MM, color: BAND });
  await centred(page, fonts, badge.venue, box, origin.y + height - 9 * MM, 12, 7, rgb(1, 1, 1));
  await centred(page, fonts, badge.name, box, origin.y + height - 34 * MM, 24, 9);
  await centred(page, fonts, badge.organisation, box, origin.y + height - 44 * MM, 12, 7, MUTED);
  await centred(page, fonts, badge.country, box, origin.y + height - 52 * MM, 11, 7, MUTED);
  const qr = await doc.embedPng(await qrPng(badge.registrationId));
  const side = 52 * MM;
  page.drawImage(qr, { x: origin.x + (width - side) / 2, y: origin.y + 22 * MM, width: side, height: side });
  await centred(page, fonts, printedShortCode(badge.shortCode), box, origin.y + 14 * MM, 16, 10);
}

export function newDocument(title: string): Promise<PDFDocument> {
  return PDFDocument.create().then((doc) => {
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setCreator('Hybrid Forum');
    return doc;
  });
}

/** One badge on its own A6 page, for the desk's printer. */
export async function singleBadgePdf(badge: Badge): Promise<Uint8Array> {
  const doc = await newDocument(badge.name);
  const fonts = new FontBook(doc);
  await drawBadge(doc, doc.addPage([BADGE.width, BADGE.height]), fonts, badge, { x: 0, y: 0 });
  return doc.save();
}

/** Badges four to an A4 sheet (two across, two down), in the order given, for printing ahead. */
export async function badgeSheetsPdf(badges: Badge[], title: string): Promise<Uint8Array> {
  const doc = await newDocument(title);
  const fonts = new FontBook(doc);
  let page: PDFPage | null = null;
  for (const [i, badge] of badges.entries()) {
    const slot = i % 4;
    if (slot === 0) page = doc.addPage([A4.width, A4.height]);
    await drawBadge(doc, page!, fonts, badge, { x: (slot % 2) * BADGE.width, y: slot < 2 ? BADGE.height + 0.5 * MM : 0 });
  }
  if (badges.length === 0) doc.addPage([A4.width, A4.height]);
  return doc.save();
}
