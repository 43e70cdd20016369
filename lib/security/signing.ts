import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { appSecret } from './secret';

/** A MAC bound to a purpose, so a token made for one use is worthless for another. */
export function mac(purpose: string, payload: string, secret = appSecret()): string {
  return createHmac('sha256', secret).update(`${purpose}\n${payload}`).digest('base64url');
}

export function macMatches(purpose: string, payload: string, candidate: string, secret = appSecret()): boolean {
  const expected = Buffer.from(mac(purpose, payload, secret));
  const given = Buffer.from(candidate);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
