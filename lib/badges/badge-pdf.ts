import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { BadgeLayout } from '@/db/schema';
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

/** The event's badge layout and its logo (PNG or JPEG bytes), chosen on the documents page. */
export type BadgeStyle = { layout: BadgeLayout; logo: { type: 'png' | 'jpeg'; bytes: Uint8Array } | null };
export const DEFAULT_BADGE_STYLE: BadgeStyle = { layout: 'standard', logo: null };

/**
 * Where each part of a badge goes, in mm from the badge's top (text baselines) or bottom (the QR):
 * `standard` balances name and QR; `large-name` reads from across a hall (bigger name, smaller QR);
 * `compact` keeps a thin band and the biggest QR, for doors that scan from further away.
 */
const LAYOUTS: Record<
  BadgeLayout,
  {
    band: number;
    venueAt: number;
    nameAt: number;
    nameSize: number;
    orgAt: number;
    countryAt: number;
    qr: number;
    qrBottom: number;
    codeAt: number;
  }
> = {
  standard: { band: 14, venueAt: 9, nameAt: 34, nameSize: 24, orgAt: 44, countryAt: 52, qr: 52, qrBottom: 22, codeAt: 14 },
  'large-name': { band: 14, venueAt: 9, nameAt: 40, nameSize: 34, orgAt: 54, countryAt: 62, qr: 40, qrBottom: 22, codeAt: 14 },
  compact: { band: 7, venueAt: 5, nameAt: 27, nameSize: 20, orgAt: 35, countryAt: 42, qr: 62, qrBottom: 20, codeAt: 12 },
};

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

async function drawBadge(
  doc: PDFDocument,
  page: PDFPage,
  fonts: FontBook,
  badge: Badge,
  origin: { x: number; y: number },
  style: BadgeStyle,
  logo: PDFImage | null,
) {
  const { width, height } = BADGE;
  const at = LAYOUTS[style.layout];
  const box = { x: origin.x, width };
  const top = origin.y + height;
  page.drawRectangle({ x: origin.x, y: origin.y, width, height, borderColor: rgb(0.8, 0.8, 0.82), borderWidth: 0.5 });
  page.drawRectangle({ x: origin.x, y: top - at.band * MM, width, height: at.band * MM, color: BAND });
  await centred(page, fonts, badge.venue, box, top - at.venueAt * MM, at.band > 10 ? 12 : 8, 6, rgb(1, 1, 1));
  if (logo) {
    // Between the band and the name, at most 10 mm high.
    const room = (at.nameAt - at.band - at.nameSize / MM - 2) * MM;
    const scale = Math.min((width - 20 * MM) / logo.width, Math.max(room, 6 * MM) / logo.height, 1);
    const size = { width: logo.width * scale, height: logo.height * scale };
    page.drawImage(logo, { x: origin.x + (width - size.width) / 2, y: top - (at.band + 1.5) * MM - size.height, ...size });
  }
  await centred(page, fonts, badge.name, box, top - at.nameAt * MM, at.nameSize, 9);
  await centred(page, fonts, badge.organisation, box, top - at.orgAt * MM, 12, 7, MUTED);
  await centred(page, fonts, badge.country, box, top - at.countryAt * MM, 11, 7, MUTED);
  const qr = await doc.embedPng(await qrPng(badge.registrationId));
  const side = at.qr * MM;
  page.drawImage(qr, { x: origin.x + (width - side) / 2, y: origin.y + at.qrBottom * MM, width: side, height: side });
  await centred(page, fonts, printedShortCode(badge.shortCode), box, origin.y + at.codeAt * MM, 16, 10);
}

async function embedLogo(doc: PDFDocument, style: BadgeStyle): Promise<PDFImage | null> {
  if (!style.logo) return null;
  return style.logo.type === 'png' ? doc.embedPng(style.logo.bytes) : doc.embedJpg(style.logo.bytes);
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
export async function singleBadgePdf(badge: Badge, style: BadgeStyle = DEFAULT_BADGE_STYLE): Promise<Uint8Array> {
  const doc = await newDocument(badge.name);
  const fonts = new FontBook(doc);
  const logo = await embedLogo(doc, style);
  await drawBadge(doc, doc.addPage([BADGE.width, BADGE.height]), fonts, badge, { x: 0, y: 0 }, style, logo);
  return doc.save();
}

/** Badges four to an A4 sheet (two across, two down), in the order given, for printing ahead. */
export async function badgeSheetsPdf(badges: Badge[], title: string, style: BadgeStyle = DEFAULT_BADGE_STYLE): Promise<Uint8Array> {
  const doc = await newDocument(title);
  const fonts = new FontBook(doc);
  const logo = await embedLogo(doc, style);
  let page: PDFPage | null = null;
  for (const [i, badge] of badges.entries()) {
    const slot = i % 4;
    if (slot === 0) page = doc.addPage([A4.width, A4.height]);
    await drawBadge(doc, page!, fonts, badge, { x: (slot % 2) * BADGE.width, y: slot < 2 ? BADGE.height + 0.5 * MM : 0 }, style, logo);
  }
  if (badges.length === 0) doc.addPage([A4.width, A4.height]);
  return doc.save();
}
