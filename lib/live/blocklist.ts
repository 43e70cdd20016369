import { BLOCKLIST_TERM_MAX } from './limits';
import type { QuestionFilter } from './question-filter';

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) and
 * Korean, whose particles attach to the word (바보 → 바보야): a term with any of these letters matches
 * anywhere in the question. Terms in other scripts (Latin, Vietnamese, Cyrillic …) match whole words
 * only, so "ass" holds "ass!" but not "class" or "assess".
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hangul}]/u;

/**
 * What matching compares: NFKC (full-width "ＳＰＡＭ" is "SPAM", half-width katakana is katakana),
 * case-folded (upper then lower case, so "SCHEISSE" and "scheiße" meet), every run of spaces as one
 * space, and without the characters Unicode marks as ignorable in display (zero-width spaces and
 * joiners, direction marks, variation selectors, tag characters…), which someone slips between
 * letters to get past a list.
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .toUpperCase()
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first term (as the moderator wrote it) that the text contains, or null. */
export function matchBlocklist(text: string, terms: readonly string[]): string | null {
  const haystack = normaliseForMatch(text);
  for (const term of terms) {
    const needle = normaliseForMatch(term);
    if (!needle) continue;
    if (UNSPACED.test(needle)) {
      if (haystack.includes(needle)) return term;
      continue;
    }
    // A whole word or phrase: no letter, mark or digit right before or after it.
    const word = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{M}\\p{N}])`, 'u');
    if (word.test(haystack)) return term;
  }
  return null;
}

/** The event's list as a question filter. */
export function blocklistFilter(terms: readonly string[]): QuestionFilter {
  return { name: 'blocklist', check: (body) => matchBlocklist(body, terms) };
}

/** Terms as saved: trimmed, without empties, once each whatever their case, at most BLOCKLIST_TERM_MAX characters. */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/gu, ' ');
    const key = normaliseForMatch(term);
    if (!key || term.length > BLOCKLIST_TERM_MAX || seen.has(key)) continue;
    seen.add(key);
    kept.push(term);
  }
  return kept;
}
