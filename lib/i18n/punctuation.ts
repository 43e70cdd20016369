import type { Locale } from './locales';

export type Punctuation = {
  /** Between the parts of one phrase: "Director, CATTC" / "主任，中心". */
  comma: string;
  /** Between the items of a plain list (names, places). */
  enumeration: string;
  /** Between clauses that each say a change: "venue A → B; added X". */
  semicolon: string;
  open: string;
  close: string;
};

const WESTERN: Punctuation = { comma: ', ', enumeration: ', ', semicolon: '; ', open: ' (', close: ')' };

// Only the languages that write otherwise are listed: a new language in Latin, Hangul or Thai script
// needs no line here (Korean and Thai use the Western comma and brackets).
const OWN: Partial<Record<string, Punctuation>> = {
  zh: { comma: '，', enumeration: '、', semicolon: '；', open: '（', close: '）' },
  ja: { comma: '、', enumeration: '、', semicolon: '、', open: '（', close: '）' },
};

export function punctuation(locale: Locale | string): Punctuation {
  return OWN[locale] ?? WESTERN;
}
