import { isLocale, languageName } from '@/lib/i18n/locales';

/**
 * What text written for people never contains: a raw enum value or code, zod's default English, a
 * field path before a colon, or the other language. Used on validation messages (unit) and on the
 * error text of every form page (Playwright).
 */
const RAW_ENUM_VALUES = [
  'government',
  'enterprise',
  'research_institute',
  'young_scientist',
  'in_person',
  'checked_in',
  'waitlisted',
  'main, branch',
  'ceremony',
  'en or zh',
];
const ZOD_DEFAULTS = [
  /Invalid input/i,
  /Too (small|big)/i,
  /Invalid (string|email|uuid|option|type|enum|format|literal)/i,
  /expected (string|number|boolean|array|object)/i,
  /Required$/,
  /Unrecognized key/i,
];
// A field name or path ahead of the message: ".: must…", "name: is required", "姓名: is required".
const FIELD_PATH = /(^|\s)\.?[\w.[\]]*\s?:\s*(is|must|cannot|contains|lists)\b|(^|\s)\.:\s|\b[a-z]+[A-Z]\w*\s?[:：]/;
const DEVELOPER_WORDS = /\b(must be|is required|must not|slug|enum|uuid|IANA)\b/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
// The scripts of the other languages, by what a page in each language should never show.
const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const THAI = /[\u0e00-\u0e7f]/;
const FOREIGN_SCRIPTS: Record<string, [RegExp, string][]> = {
  en: [
    [CJK, 'Chinese or Japanese'],
    [HANGUL, 'Korean'],
    [THAI, 'Thai'],
  ],
  zh: [
    [KANA, 'Japanese'],
    [HANGUL, 'Korean'],
    [THAI, 'Thai'],
  ],
  ja: [
    [HANGUL, 'Korean'],
    [THAI, 'Thai'],
  ],
  ko: [
    [KANA, 'Japanese'],
    [THAI, 'Thai'],
  ],
  th: [
    [CJK, 'Chinese or Japanese'],
    [HANGUL, 'Korean'],
  ],
};
/** A language written in Latin letters (its own name is): Vietnamese, and later Indonesian or Malay. */
function latinScript(locale: string): boolean {
  return isLocale(locale) && /^[\p{Script=Latin}\s]+$/u.test(languageName(locale));
}
// Proper names, addresses and examples that are the same in every language.
const SAME_IN_EVERY_LANGUAGE = /https?:\/\/\S*|[\w.+-]+@[\w.-]+|[A-Z][a-z]+\/[A-Za-z_]+|\b(PNG|JPEG|WebP|MB|SMTP|CSV|ICS|URL)\b/g;
// Three or more Latin words in a row: an English sentence, not a name or a code.
const LATIN_SENTENCE = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/;
// On a page in a Latin-script language, three whole words without its letters' accents, one of them an
// English function word: "Fill in this field", never "Tham gia trực tuyến" or "trang tham gia".
const ENGLISH_SENTENCE =
  /(?<![\p{L}])(?=[A-Za-z\s,]*\b(?:the|and|of|your|you|is|are|this|that|with|for|from|not|please|will|has|have|was|or)\b)[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}(?![\p{L}])/iu;

export function wordProblems(text: string, locale: string): string[] {
  const problems: string[] = [];
  for (const value of RAW_ENUM_VALUES) if (text.includes(value)) problems.push(`raw value “${value}”`);
  for (const pattern of ZOD_DEFAULTS) if (pattern.test(text)) problems.push(`zod default text ${pattern}`);
  if (FIELD_PATH.test(text)) problems.push('a field path before a colon');
  if (locale === 'en' && DEVELOPER_WORDS.test(text)) problems.push('developer wording');
  const latin = locale !== 'en' && latinScript(locale);
  for (const [script, language] of FOREIGN_SCRIPTS[latin ? 'en' : locale] ?? [])
    if (script.test(text)) problems.push(`${language} text on a ${locale} page`);
  const words = text.replace(SAME_IN_EVERY_LANGUAGE, ' ');
  // A Latin-script language's sentence has its accented letters; English has none, or its function words.
  const english = latin
    ? ENGLISH_SENTENCE.test(words) || (LATIN_SENTENCE.test(words) && !/(?![A-Za-z])\p{L}/u.test(words))
    : LATIN_SENTENCE.test(words);
  if (locale !== 'en' && english) problems.push(`English text on a ${locale} page`);
  return problems.map((p) => `${p}: ${JSON.stringify(text)}`);
}
