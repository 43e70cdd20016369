import type { LocalizedText } from '@/db/schema';
import { localizedText } from '@/lib/i18n/text';

/** The fields whose value differs, with both values, for the audit log. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (!sameValue(before[key], after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/**
 * Whether a stored value and a saved one are the same, whatever the order of a text's languages:
 * `{ en, zh, ja }` read from jsonb and `{ ja, en, zh }` built by a save are one text.
 */
export function sameValue(before: unknown, after: unknown): boolean {
  return canonicalJson(before ?? null) === canonicalJson(after ?? null);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : nested,
  );
}

/**
 * A form that edits the English and Chinese texts keeps what is stored in the other languages: saving
 * it must not erase a Japanese or Thai translation it does not show (docs/languages.md).
 */
export function keepingOtherLanguages(stored: LocalizedText | null | undefined, edited: LocalizedText): LocalizedText {
  const { en: _en, zh: _zh, ...others } = stored ?? { en: '' };
  return { ...others, ...edited };
}

/** `{ en, zh }` without an empty Chinese text, as stored LocalizedText values are (lib/i18n/text.ts). */
export function localized(en: string | undefined, zh: string | undefined): LocalizedText {
  return localizedText({ en, zh });
}
