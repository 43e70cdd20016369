import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appEnv } from '@/lib/config/env';

let cached: string | undefined;

/**
 * The secret that signs sessions, manage links, tickets and stream redirects. AUTH_SECRET when set;
 * in embedded mode only, generated once and kept in DATA_DIR so links survive restarts.
 */
export function appSecret(): string {
  if (cached) return cached;
  const env = appEnv();
  if (env.authSecret) {
    cached = env.authSecret;
    return cached;
  }
  const file = path.join(path.resolve(env.dataDir), 'auth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, generated, { flag: 'wx', mode: 0o600 });
      cached = generated;
    } catch {
      cached = fs.readFileSync(file, 'utf8').trim(); // another process wrote it first
    }
  }
  return cached;
}
