import { describe, expect, it } from 'vitest';
import { blocklistInputSchema } from '@/lib/live/blocklist-input';
import { blocklistFilter, cleanTerms, matchBlocklist } from '@/lib/live/blocklist';
import { BLOCKLIST_TERM_MAX, BLOCKLIST_TERMS_MAX } from '@/lib/live/limits';
import { heldBy, type QuestionFilter } from '@/lib/live/question-filter';

describe('the blocklist matches Latin-script terms as whole words, case-insensitively', () => {
  it('holds the word on its own, at either end, next to punctuation, in any case', () => {
    for (const text of ['You ass', 'ASS!', 'ass, really?', 'what an (ass)', 'Ass']) expect(matchBlocklist(text, ['ass']), text).toBe('ass');
  });
  it('leaves words that only contain it', () => {
    for (const text of ['a class act', 'assess the plan', 'passing', 'Assam tea', 'bass'])
      expect(matchBlocklist(text, ['ass']), text).toBeNull();
  });
  it('matches a phrase whatever the spaces between its words, and full-width or zero-width tricks', () => {
    expect(matchBlocklist('Please buy   cheap\nwatches now', ['cheap watches'])).toBe('cheap watches');
    expect(matchBlocklist('ＳＰＡＭ here', ['spam'])).toBe('spam');
    expect(matchBlocklist('s\u200Bpam here', ['spam'])).toBe('spam');
    // Every other invisible a keyboard or a paste can slip in: direction marks, the combining grapheme
    // joiner, invisible operators, the Mongolian vowel separator, variation selectors, tag characters.
    for (const hidden of ['\u200E', '\u200F', '\u034F', '\u2061', '\u2064', '\u180E', '\uFE0F', '\u{E0041}', '\u2060', '\u00AD'])
      expect(matchBlocklist(`s${hidden}pa${hidden}m here`, ['spam']), JSON.stringify(hidden)).toBe('spam');
    expect(matchBlocklist('cheap watchesmith', ['cheap watches'])).toBeNull();
  });
  it('folds case fully: a capital ẞ or SS meets ß', () => {
    expect(matchBlocklist('SCHEISSE!', ['scheiße'])).toBe('scheiße');
    expect(matchBlocklist('Scheiße', ['SCHEISSE'])).toBe('SCHEISSE');
  });
  it('treats accented letters as letters (Vietnamese): no match inside a longer word', () => {
    expect(matchBlocklist('Đồ ngốc!', ['đồ ngốc'])).toBe('đồ ngốc');
    expect(matchBlocklist('ĐỒ NGỐC', ['đồ ngốc'])).toBe('đồ ngốc');
    expect(matchBlocklist('ngốcx', ['ngốc'])).toBeNull();
    // A combining mark after the term makes it another word.
    expect(matchBlocklist('ngo\u0301', ['ngo'])).toBeNull();
  });
  it('takes terms literally, not as patterns', () => {
    expect(matchBlocklist('anything', ['.*'])).toBeNull();
    expect(matchBlocklist('costs $5 (cash)', ['$5 (cash)'])).toBe('$5 (cash)');
  });
  it('answers the first term of the list that matches, as the moderator wrote it', () => {
    expect(matchBlocklist('spam and scam', ['Scam', 'spam'])).toBe('Scam');
    expect(matchBlocklist('nothing here', [])).toBeNull();
    expect(matchBlocklist('nothing here', ['', '  '])).toBeNull();
  });
});

describe('the blocklist matches CJK and Thai terms anywhere (no spaces between words)', () => {
  it('Chinese and Japanese: inside a sentence without spaces', () => {
    expect(matchBlocklist('这个演讲者是笨蛋吗？', ['笨蛋'])).toBe('笨蛋');
    expect(matchBlocklist('あなたはバカですか', ['バカ'])).toBe('バカ');
    // Half-width katakana is the same word after NFKC.
    expect(matchBlocklist('ﾊﾞｶですか', ['バカ'])).toBe('バカ');
    expect(matchBlocklist('这个演讲很好', ['笨蛋'])).toBeNull();
  });
  it('Thai: inside a run of letters', () => {
    expect(matchBlocklist('คุณเป็นคนโง่มาก', ['โง่'])).toBe('โง่');
    expect(matchBlocklist('คำถามดีมาก', ['โง่'])).toBeNull();
  });
  it('Korean: with a particle attached', () => {
    expect(matchBlocklist('이 사람 바보야?', ['바보'])).toBe('바보');
  });
  it('a mixed term with a CJK letter matches as a substring', () => {
    expect(matchBlocklist('请看spam广告吧', ['spam广告'])).toBe('spam广告');
  });
});

describe('the filter hook', () => {
  it('the first filter that matches holds the question, with its name and term; none matching lets it through', () => {
    const links: QuestionFilter = { name: 'links', check: (body) => (/https?:\/\//.test(body) ? 'a link' : null) };
    const filters = [blocklistFilter(['spam']), links];
    expect(heldBy(filters, 'spam at http://x')).toEqual({ filter: 'blocklist', term: 'spam' });
    expect(heldBy(filters, 'see http://x')).toEqual({ filter: 'links', term: 'a link' });
    expect(heldBy(filters, 'a fair question')).toBeNull();
    expect(heldBy([], 'spam')).toBeNull();
  });
});

describe('the list as saved', () => {
  it('is trimmed, once per term whatever its case or width, without empty lines', () => {
    expect(cleanTerms(['  spam ', 'SPAM', 'ｓｐａｍ', '', 'cheap   watches', '笨蛋'])).toEqual(['spam', 'cheap watches', '笨蛋']);
  });
  it('the form refuses a term too long or too many terms, in words the page translates', () => {
    const long = blocklistInputSchema.safeParse({ terms: `ok\n${'x'.repeat(BLOCKLIST_TERM_MAX + 1)}` });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toMatch(/^tooLong/);
    const many = blocklistInputSchema.safeParse({ terms: Array.from({ length: BLOCKLIST_TERMS_MAX + 1 }, (_, i) => `t${i}`).join('\n') });
    expect(many.success).toBe(false);
    expect(many.error?.issues[0]?.message).toMatch(/^tooMany/);
    expect(blocklistInputSchema.parse({ terms: 'a\r\n\r\nb\n' })).toEqual({ terms: ['a', 'b'] });
  });
});
