import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import { PLAIN_NAMESPACES, plainTranslator, type PlainMessages } from '@/lib/i18n/plain-translator';

function strings(value: unknown): string[] {
  return typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
}

describe('text translated in the browser without an ICU runtime', () => {
  it('uses only {name} placeholders: no plural, select or number formats', () => {
    for (const locale of ['en', 'zh'] as const) {
      const messages = loadMessages(locale);
      for (const ns of PLAIN_NAMESPACES) {
        for (const text of strings(messages[ns])) expect(text, `${locale} ${ns}: ${text}`).not.toMatch(/\{\s*\w+\s*,/);
      }
    }
  });

  it('looks up nested keys and fills placeholders, leaving unknown ones visible', () => {
    const t = plainTranslator({ a: { b: 'Hello {name}, {count} left {other}' } } as PlainMessages);
    expect(t('a.b', { name: 'Lan', count: 3 })).toBe('Hello Lan, 3 left {other}');
    expect(t('a.missing')).toBe('a.missing');
  });
});
