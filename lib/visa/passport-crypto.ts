import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { appEnv } from '@/lib/config/env';
import { appSecret } from '@/lib/security/secret';

const VERSION = 'v1';

/**
 * The key that seals passport details: PASSPORT_KEY (32 bytes, base64) from the environment; where
 * it is not set (development, tests), one derived from the app secret, so a database copied without
 * the environment still does not hold readable passports.
 */
function key(): Buffer {
  const configured = appEnv().passportKey;
  if (configured) return Buffer.from(configured, 'base64');
  return Buffer.from(hkdfSync('sha256', appSecret(), 'hybrid-forum', 'passport-fields', 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url: AES-256-GCM, a fresh IV per value, the tag authenticating it. */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The plain value, or null when the sealed one was altered or sealed with another key. */
export function unseal(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
