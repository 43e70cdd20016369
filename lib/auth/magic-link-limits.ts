import { createRateLimiter, type RateLimiter } from '@/lib/security/rate-limit';

export const MAGIC_LINK_WINDOW_MS = 15 * 60 * 1000;

function countFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

type Limiters = { perEmail: RateLimiter; perClient: RateLimiter };
const KEY = Symbol.for('hybrid-forum.magic-link-limiters');

/**
 * Sign-in link requests are limited per address (so nobody can flood one inbox) and per client (so
 * nobody can probe or spam many addresses). Both count every request, known address or not, so
 * hitting a limit says nothing about whether an account exists.
 */
export function magicLinkLimiters(): Limiters {
  const holder = globalThis as { [KEY]?: Limiters };
  holder[KEY] ??= {
    perEmail: createRateLimiter({ limit: countFromEnv('RATE_LIMIT_MAGIC_LINKS_PER_EMAIL', 5), windowMs: MAGIC_LINK_WINDOW_MS }),
    perClient: createRateLimiter({ limit: countFromEnv('RATE_LIMIT_MAGIC_LINKS_PER_CLIENT', 20), windowMs: MAGIC_LINK_WINDOW_MS }),
  };
  return holder[KEY];
}
