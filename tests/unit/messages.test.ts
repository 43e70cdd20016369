// Every interface, mail and calendar text exists in every language, as a message that parses and
// names only the values the code passes. A key missing in one language fails here with its name, so
// whoever merges new English keys sees exactly which translations are still to write.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { intlLocale, locales } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';

type Leaf = { key: string; text: string };

function leaves(value: unknown, prefix = ''): Leaf[] {
  if (typeof value === 'string') return [{ key: prefix, text: value }];
  if (typeof value !== 'object' || value === null) return [{ key: prefix, text: String(value) }];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The argument names a message uses: "{count, plural, …}" and "{name}" alike. */
function argumentsOf(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!));
}

const english = new Map(leaves(loadMessages('en')).map((l) => [l.key, l.text]));
const others = locales.filter((l) => l !== 'en');

describe('interface text in every language', () => {
  it.each(others)('%s has every English key and no other', (locale) => {
    const own = new Map(leaves(loadMessages(locale)).map((l) => [l.key, l.text]));
    const missing = [...english.keys()].filter((k) => !own.has(k)).sort();
    const extra = [...own.keys()].filter((k) => !english.has(k)).sort();
    // Printed as a list to copy from: the lead translates these at merge time.
    if (missing.length) console.error(`messages/${locale} is missing ${missing.length} key(s):\n  ${missing.join('\n  ')}`);
    if (extra.length) console.error(`messages/${locale} has ${extra.length} key(s) English does not:\n  ${extra.join('\n  ')}`);
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
  });

  it.each(others)('%s messages parse as ICU and name only the values English names', (locale) => {
    const wrong: string[] = [];
    for (const { key, text } of leaves(loadMessages(locale))) {
      const source = english.get(key);
      if (source === undefined) continue;
      try {
        new IntlMessageFormat(text, intlLocale(locale));
      } catch (error) {
        wrong.push(`${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      const allowed = argumentsOf(source);
      // A session title is passed once per language ({sessionZh}, {sessionTh}: lib/registration/choices.ts).
      const unknown = [...argumentsOf(text)].filter((name) => !allowed.has(name) && !/^session[A-Z][a-z]+$/.test(name));
      if (unknown.length) wrong.push(`${key}: names ${unknown.join(', ')}, which English does not`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(others)('%s is translated, not English copied over', (locale) => {
    // Short labels may rightly stay the same (Message-ID, "—", "{name} · {email}"); sentences may not.
    const copied = leaves(loadMessages(locale))
      .filter(({ key, text }) => english.get(key) === text && /[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/i.test(text.replace(/\{[^}]*\}/g, '')))
      .map((l) => l.key);
    expect(copied).toEqual([]);
  });
});
