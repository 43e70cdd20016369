/**
 * The short code printed under a ticket's QR: 8 characters of Crockford's base32 (digits and
 * letters without I, L, O and U), drawn by the database (hf_short_code(), db/migrations/0009). It
 * is a lookup key, not a credential: the desk finds the registration with it inside the staff
 * member's event and venue, and wrong guesses are rate limited per desk (lib/edge/rate-limits.ts).
 */
export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SHORT_CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * A typed short code in its stored form, or null: case and spaces or dashes do not matter, and the
 * look-alikes people type by mistake read as Crockford says (O as 0, I and L as 1).
 */
export function normaliseShortCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return SHORT_CODE.test(code) ? code : null;
}

/** "K7M2-9XQA": the code as printed, in two halves so it is easy to read out. */
export function printedShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
