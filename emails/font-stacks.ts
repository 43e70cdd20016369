// The fonts a page or mail in each script asks for, so CJK, Hangul and Thai text is drawn by a font
// made for it on Windows, macOS, iOS and Android rather than by whatever the system falls back to
// (which draws Japanese kanji with Chinese glyph shapes). Latin fonts come first so digits and
// English names look the same in every language; the script's fonts follow, then the generic family.
// app/[locale]/globals.css names the same stacks for the pages (tests/unit/font-stacks.test.ts).

const LATIN = ['-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial'];

/** Per primary language subtag: macOS/iOS, Windows, Android/Linux fonts, in that order. */
export const SCRIPT_FONTS: Readonly<Record<string, readonly string[]>> = {
  zh: ['"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"', '"Noto Sans SC"', '"Noto Sans CJK SC"', '"Source Han Sans SC"'],
  ja: ['"Hiragino Sans"', '"Hiragino Kaku Gothic ProN"', '"Yu Gothic UI"', '"Yu Gothic"', 'Meiryo', '"Noto Sans JP"', '"Noto Sans CJK JP"'],
  ko: ['"Apple SD Gothic Neo"', '"Malgun Gothic"', '"Noto Sans KR"', '"Noto Sans CJK KR"'],
  th: ['Thonburi', '"Leelawadee UI"', 'Leelawadee', '"Noto Sans Thai"', '"Noto Sans Thai UI"', 'Tahoma'],
};

/** The CSS font-family for text whose `lang` is `lang` ("th", "zh-CN"): its script's fonts, then the others'. */
export function fontStack(lang: string): string {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const own = SCRIPT_FONTS[primary] ?? [];
  // Other scripts' fonts stay behind, for names written in them (a Thai mail naming a Chinese venue).
  const others = Object.entries(SCRIPT_FONTS)
    .filter(([code]) => code !== primary)
    .flatMap(([, fonts]) => fonts.slice(0, 3));
  return [...LATIN, ...own, ...others, 'sans-serif'].join(', ');
}
