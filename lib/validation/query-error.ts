import { z } from 'zod';
import { mac, macMatches } from '@/lib/security/signing';

const PURPOSE = 'query-error';
const SEPARATOR = '~';
/** The longest refusal a redirect carries; the page's query schemas allow it with its signature. */
export const QUERY_ERROR_MAX = 300;

/**
 * A refusal's words for a redirect's `?error=`, URL-encoded and signed: a page shows free text only
 * when this app wrote it, so a crafted link cannot put an attacker's sentence on a trusted page
 * ("Your registration is suspended, pay at …").
 */
export function signedError(message: string): string {
  const text = message.slice(0, QUERY_ERROR_MAX);
  return encodeURIComponent(`${text}${SEPARATOR}${mac(PURPOSE, text)}`);
}

/** The text of a signed `?error=` value, or null when it carries no valid signature. */
export function verifiedError(value: string): string | null {
  const at = value.lastIndexOf(SEPARATOR);
  if (at < 0) return null;
  const text = value.slice(0, at);
  return macMatches(PURPOSE, text, value.slice(at + 1)) ? text : null;
}

/** A page's `?error=` (or another refusal's) query field: room for the longest signed refusal. */
export const queryErrorField = z
  .string()
  .max(QUERY_ERROR_MAX * 3)
  .optional()
  .catch(undefined);
