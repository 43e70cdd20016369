import { type PDFDocument, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { centred, newDocument } from '@/lib/badges/badge-pdf';
import { FontBook, runsWidth } from '@/lib/badges/fonts';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const ACCENT = rgb(0.04, 0.36, 0.68);
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

/** What a letter says, already in words: the letterhead, the reference line, the body, the verification. */
export type LetterText = { letterhead: string; subhead: string; reference: string; title: string; body: string[]; verify: string };

/** The organiser's images, PNG or JPEG bytes: a letterhead across the top and a signature under the body. */
export type LetterImages = {
  letterhead?: { type: 'png' | 'jpeg'; bytes: Uint8Array } | null;
  signature?: { type: 'png' | 'jpeg'; bytes: Uint8Array } | null;
};

/** An image scaled to fit a box, keeping its proportions. */
function scaledToFit(image: PDFImage, maxWidth: number, maxHeight: number) {
  const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
  return { width: image.width * scale, height: image.height * scale };
}

const embed = (doc: PDFDocument, image: { type: 'png' | 'jpeg'; bytes: Uint8Array }) =>
  image.type === 'png' ? doc.embedPng(image.bytes) : doc.embedJpg(image.bytes);

const LEFT = 25 * MM;
const WIDTH = A4.width - 2 * LEFT;

/**
 * Draws a paragraph from the left margin, wrapped to the text width: at spaces, and inside a word
 * (an address, a URL) that is wider than a line by itself. Returns the y below it.
 */
async function paragraph(page: PDFPage, fonts: FontBook, text: string, y: number, size: number, color = INK): Promise<number> {
  if (!text) return y;
  const fits = async (candidate: string) => runsWidth(await fonts.runs(candidate), size) <= WIDTH;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/(?<= )/)) {
    if (await fits(current + word)) {
      current += word;
      continue;
    }
    if (current) lines.push(current.trimEnd());
    current = '';
    for (const char of word) {
      if (!(await fits(current + char)) && current) {
        lines.push(current);
        current = '';
      }
      current += char;
    }
  }
  if (current) lines.push(current.trimEnd());
  for (const text of lines) {
    let x = LEFT;
    for (const run of await fonts.runs(text)) {
      page.drawText(run.text, { x, y, size, font: run.font, color });
      x += run.font.widthOfTextAtSize(run.text, size);
    }
    y -= size * 1.45;
  }
  return y;
}

/**
 * A visa invitation letter on A4: the letterhead (the organiser's image above the forum's name, or
 * the forum's coloured band), reference and date, the body, the signature image, the verification line.
 */
export async function letterPdf(text: LetterText, images: LetterImages = {}): Promise<Uint8Array> {
  const doc = await newDocument(text.title);
  const fonts = new FontBook(doc);
  const page = doc.addPage([A4.width, A4.height]);
  if (images.letterhead) {
    const image = await embed(doc, images.letterhead);
    const size = scaledToFit(image, A4.width - 2 * LEFT, 22 * MM);
    page.drawImage(image, { x: (A4.width - size.width) / 2, y: A4.height - 8 * MM - size.height, ...size });
    await centred(page, fonts, text.letterhead, { x: 0, width: A4.width }, A4.height - 35 * MM, 12, 7, ACCENT);
    await centred(page, fonts, text.subhead, { x: 0, width: A4.width }, A4.height - 40 * MM, 9, 6, MUTED);
  } else {
    page.drawRectangle({ x: 0, y: A4.height - 32 * MM, width: A4.width, height: 32 * MM, color: ACCENT });
    await centred(page, fonts, text.letterhead, { x: 0, width: A4.width }, A4.height - 17 * MM, 18, 9, rgb(1, 1, 1));
    await centred(page, fonts, text.subhead, { x: 0, width: A4.width }, A4.height - 26 * MM, 10, 6, rgb(1, 1, 1));
  }
  await paragraph(page, fonts, text.reference, A4.height - 48 * MM, 10, MUTED);
  await centred(page, fonts, text.title, { x: 0, width: A4.width }, A4.height - 62 * MM, 16, 9);
  let y = A4.height - 80 * MM;
  for (const body of text.body) y = (await paragraph(page, fonts, body, y, 11)) - 3 * MM;
  if (images.signature) {
    const image = await embed(doc, images.signature);
    const size = scaledToFit(image, 60 * MM, 25 * MM);
    const top = Math.max(y - 2 * MM, 35 * MM + size.height);
    page.drawImage(image, { x: LEFT, y: top - size.height, ...size });
  }
  await paragraph(page, fonts, text.verify, 25 * MM, 9, MUTED);
  return doc.save();
}
