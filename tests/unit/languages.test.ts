// The languages: how a page picks one, how dates, numbers and lists read in each, which era Thai
// years are in, how content text falls back, and which fonts each script asks for.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontStack, SCRIPT_FONTS } from '@/emails/font-stacks';
import { formatDay } from '@/lib/format/datetime';
import { localeRewrite } from '@/lib/http/locale-rewrite';
import { localeForCountry } from '@/lib/i18n/country-locale';
import { formatList, htmlLang, intlLocale, languageName, localeFromAcceptLanguage, locales } from '@/lib/i18n/locales';
import { regionName } from '@/lib/i18n/region-names';
import { contentChain, localizedText, missingLocales, ownText, pick } from '@/lib/i18n/text';

const SEPT_14 = new Date('2026-09-14T01:30:00Z');

describe('choosing the language', () => {
  it('offers en, zh, ja, ko, th and vi, each named in its own script', () => {
    expect(locales).toEqual(['en', 'zh', 'ja', 'ko', 'th', 'vi']);
    expect(locales.map(languageName)).toEqual(['English', '中文', '日本語', '한국어', 'ไทย', 'Tiếng Việt']);
    expect(locales.map(htmlLang)).toEqual(['en', 'zh-CN', 'ja', 'ko', 'th', 'vi']);
  });

  it('matches Accept-Language by primary tag and weight', () => {
    expect(localeFromAcceptLanguage('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(localeFromAcceptLanguage('ko-KR')).toBe('ko');
    expect(localeFromAcceptLanguage('th-TH,th;q=0.9')).toBe('th');
    expect(localeFromAcceptLanguage('zh-TW')).toBe('zh');
    // An unsupported first choice gives way to the next supported one, by weight.
    expect(localeFromAcceptLanguage('id-ID,en;q=0.5,th;q=0.8')).toBe('th');
    expect(localeFromAcceptLanguage('vi-VN,en;q=0.5,th;q=0.8')).toBe('vi');
    expect(localeFromAcceptLanguage('fr;q=1,de;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('th;q=0,ko;q=0.1')).toBe('ko');
  });

  it('takes the URL first, then the cookie, then Accept-Language', () => {
    expect(localeRewrite('/th/events/forum/agenda', '', 'zh', 'ja')).toEqual({ locale: 'th', pathname: '/th/events/forum/agenda' });
    expect(localeRewrite('/ko', '', 'zh', 'ja')).toEqual({ locale: 'ko', pathname: '/ko' });
    expect(localeRewrite('/ja/events/forum/agenda', '?venue=tokyo', undefined, null).pathname).toBe('/ja/events/forum/agenda/filtered');
    expect(localeRewrite('/events/forum/agenda', '', 'ko', 'th').locale).toBe('ko');
    expect(localeRewrite('/events/forum/agenda', '', undefined, 'th-TH').locale).toBe('th');
    // A first segment that only looks like a language is a path.
    expect(localeRewrite('/thai/x', '', undefined, null)).toEqual({ locale: 'en', pathname: '/en/thai/x' });
  });

  it('writes to a speaker in their country’s language when the forum has it', () => {
    expect(['CN', 'JP', 'KR', 'TH', 'VN', 'ID', 'SG'].map(localeForCountry)).toEqual(['zh', 'ja', 'ko', 'th', 'vi', 'en', 'en']);
  });
});

describe('dates, numbers and lists per language', () => {
  it('formats a day in each language’s own way', () => {
    const days = Object.fromEntries(locales.map((l) => [l, formatDay(SEPT_14, 'Asia/Bangkok', l)]));
    expect(days.ja).toBe('2026年9月14日(月)');
    expect(days.ko).toBe('2026년 9월 14일 (월)');
    expect(days.zh).toBe('2026年9月14日周一');
    expect(days.th).toBe('จันทร์ 14 ก.ย. 2026');
  });

  it('writes Thai years in the Common Era, as the rest of the forum does (docs/languages.md)', () => {
    expect(intlLocale('th')).toBe('th-TH-u-ca-gregory');
    expect(formatDay(SEPT_14, 'Asia/Bangkok', 'th')).toContain('2026');
    expect(formatDay(SEPT_14, 'Asia/Bangkok', 'th')).not.toContain('2569');
    // The negative control: Thai's default calendar would have said 2569 (Buddhist Era).
    expect(new Intl.DateTimeFormat('th-TH', { year: 'numeric' }).format(SEPT_14)).toContain('2569');
  });

  it('joins lists and names countries in each language', () => {
    expect(formatList('ja', ['東京', 'ソウル', 'バンコク'])).toBe('東京、ソウル、バンコク');
    expect(formatList('th', ['โตเกียว', 'โซล'])).toContain('และ');
    expect(regionName('TH', 'th')).toBe('ไทย');
    expect(regionName('JP', 'ja')).toBe('日本');
    expect(regionName('KR', 'ko')).toBe('대한민국');
    expect(regionName('TH', 'zh')).toBe('泰国');
  });
});

describe('content text in any language', () => {
  const title = { en: 'Opening ceremony', zh: '开幕式', th: 'พิธีเปิด' };

  it('falls back along each language’s chain, English last', () => {
    expect(contentChain('th')).toEqual(['th', 'en']);
    expect(contentChain('ja')).toEqual(['ja', 'en']);
    expect(contentChain('zh-Hant')).toEqual(['zh-Hant', 'zh', 'en']);
    expect(pick(title, 'th')).toBe('พิธีเปิด');
    expect(pick(title, 'ja')).toBe('Opening ceremony');
    expect(pick(title, 'zh-Hant')).toBe('开幕式');
    expect(pick({ en: 'Hall', zh: '' }, 'zh')).toBe('Hall');
    expect(pick(null, 'th')).toBe('');
  });

  it('tells a form which languages are missing, and stores only the ones written', () => {
    expect(ownText(title, 'ja')).toBe('');
    expect(missingLocales(title)).toEqual(['ja', 'ko', 'vi']);
    expect(localizedText({ en: 'Hall 1', zh: '', ja: '第1ホール', ko: undefined })).toEqual({ en: 'Hall 1', ja: '第1ホール' });
  });
});

describe('fonts per script', () => {
  const css = fs.readFileSync('app/[locale]/globals.css', 'utf8');

  it('mails name a font for CJK, Hangul and Thai on Windows, macOS, iOS and Android', () => {
    expect(fontStack('ja')).toMatch(/"Hiragino Sans".*"Yu Gothic".*"Noto Sans JP"/);
    expect(fontStack('ko')).toMatch(/"Apple SD Gothic Neo".*"Malgun Gothic".*"Noto Sans KR"/);
    expect(fontStack('th')).toMatch(/Thonburi.*"Leelawadee UI".*"Noto Sans Thai"/);
    expect(fontStack('zh-CN')).toMatch(/"PingFang SC".*"Microsoft YaHei".*"Noto Sans SC"/);
    // Japanese text asks for Japanese fonts before Chinese ones, so kanji take Japanese shapes.
    expect(fontStack('ja').indexOf('Hiragino Sans')).toBeLessThan(fontStack('ja').indexOf('PingFang SC'));
  });

  it('pages name the same fonts, chosen by lang', () => {
    for (const [lang, fonts] of Object.entries(SCRIPT_FONTS)) {
      const rule = css.match(new RegExp(`\\[lang\\|='${lang}'\\] \\{ font-family: ([^;]+);`))?.[1];
      expect(rule, lang).toBeDefined();
      for (const font of fonts) expect(rule, `${lang}: ${font}`).toContain(font.replace(/"/g, "'"));
    }
  });
});
