import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * Noto Sans for every script a forum name comes in, embedded in the PDF so no printer font is
 * needed. The fonts come from @fontsource packages, which ship each family cut into slices by
 * Unicode range (Chinese in ~100 slices): a badge embeds only the slices its text uses, and pdf-lib
 * subsets those to the glyphs drawn. Latin and Vietnamese first, then Thai, then Chinese (whose
 * slices also hold Japanese kana and common Hangul-free CJK punctuation).
 */
const FAMILIES = ['noto-sans', 'noto-sans-thai', 'noto-sans-sc'] as const;
const WEIGHT = 400;

type Slice = { file: string; ranges: [number, number][] };

let slices: Slice[] | null = null;

function packageDir(family: string): string {
  return path.join(process.cwd(), 'node_modules', '@fontsource', family);
}

function loadSlices(): Slice[] {
  if (slices) return slices;
  slices = FAMILIES.flatMap((family) => {
    const unicode = JSON.parse(readFileSync(path.join(packageDir(family), 'unicode.json'), 'utf8')) as Record<string, string>;
    return Object.entries(unicode).map(([subset, ranges]) => ({
      file: path.join(packageDir(family), 'files', `${family}-${subset.replace(/[[\]]/g, '')}-${WEIGHT}-normal.woff`),
      ranges: ranges.split(',').map((range) => {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
        return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)] as [number, number];
      }),
    }));
  });
  return slices;
}

/** The font file that draws this character (the basic Latin slice for one none of them has). */
export function sliceFor(codePoint: number): string {
  const all = loadSlices();
  return (all.find((s) => s.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) ?? all[0]!).file;
}

export type TextRun = { text: string; font: PDFFont };

/** Embeds slices into one document as text needs them, each once. */
export class FontBook {
  private readonly embedded = new Map<string, Promise<PDFFont>>();
  constructor(private readonly doc: PDFDocument) {}

  private font(file: string): Promise<PDFFont> {
    let font = this.embedded.get(file);
    if (!font) {
      font = this.doc.embedFont(readFileSync(file), { subset: true });
      this.embedded.set(file, font);
    }
    return font;
  }

  /**
   * The text cut into runs that one font draws. A combining mark (Thai vowels and tone marks,
   * Vietnamese accents) stays with the letter before it, so it is drawn by the same font.
   */
  async runs(text: string): Promise<TextRun[]> {
    const runs: { text: string; file: string }[] = [];
    for (const char of text.normalize('NFC')) {
      const mark = /\p{M}/u.test(char);
      const file = mark && runs.length ? runs[runs.length - 1]!.file : sliceFor(char.codePointAt(0)!);
      const last = runs[runs.length - 1];
      if (last && last.file === file) last.text += char;
      else runs.push({ text: char, file });
    }
    return Promise.all(runs.map(async (r) => ({ text: r.text, font: await this.font(r.file) })));
  }
}

/** The width of runs at a size, in points. */
export function runsWidth(runs: TextRun[], size: number): number {
  return runs.reduce((sum, r) => sum + r.font.widthOfTextAtSize(r.text, size), 0);
}
