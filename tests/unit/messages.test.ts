import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface text', () => {
  it('has every English key in Chinese too, and no extra ones', () => {
    expect(keys(loadMessages('zh')).sort()).toEqual(keys(loadMessages('en')).sort());
  });
});
