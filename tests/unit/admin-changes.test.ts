import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '@/db/schema';
import { changedFields, sameValue } from '@/lib/admin/changes';
import { localizedTextInput } from '@/lib/validation/localized-text-input';

describe('admin changes', () => {
  it('a text whose languages come back in another order is the same text', () => {
    const stored: LocalizedText = { en: 'Forum', zh: '论坛', ja: 'フォーラム' };
    // What a form saves: every offered language, in the form's order, the empty ones dropped.
    const saved = localizedTextInput(100).parse({ ja: 'フォーラム', ko: '', th: '', zh: '论坛', en: 'Forum' });
    expect(sameValue(stored, saved)).toBe(true);
    expect(changedFields({ name: stored }, { name: saved })).toEqual({});
  });

  it('a text with one language changed, dropped or added is a change', () => {
    const stored = { en: 'Forum', zh: '论坛', ja: 'フォーラム' };
    expect(sameValue(stored, { ...stored, en: 'The Forum' })).toBe(false);
    expect(sameValue(stored, { en: 'Forum', zh: '论坛' })).toBe(false);
    expect(sameValue(stored, { ...stored, th: 'ฟอรั่ม' })).toBe(false);
    expect(changedFields({ name: stored, city: 'Nanning' }, { name: { ...stored, en: 'X' }, city: 'Nanning' })).toEqual({
      name: { from: stored, to: { ...stored, en: 'X' } },
    });
  });

  it('instants compare by value and a missing value equals null', () => {
    expect(sameValue(new Date('2026-12-24T01:00:00Z'), new Date('2026-12-24T01:00:00.000Z'))).toBe(true);
    expect(sameValue(new Date('2026-12-24T01:00:00Z'), new Date('2026-12-24T01:00:01Z'))).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});
