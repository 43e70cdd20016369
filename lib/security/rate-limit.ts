import { CLIENT_ADDRESS_HEADER, clientAddress } from './client-address';

/**
 * A sliding-window limiter kept in memory: cheap enough to sit in front of every public write.
 * Each process counts on its own, so it serves PGlite (one process); on PostgreSQL the edges count in
 * the database instead (lib/edge/rate-limits.ts, shared-rate-limit.ts), shared by every instance.
 */
export type RateLimiter = {
  /** Counts one hit for `key` and says whether it was within the limit. */
  check(key: string, now?: number): { allowed: boolean; retryAfterSeconds: number };
  /** Whether `key` has used up the limit, without counting a hit (for limits on failures only). */
  spent(key: string, now?: number): { allowed: boolean; retryAfterSeconds: number };
};

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const hits = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 50_000;
  return {
    spent(key, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((at) => at > now - options.windowMs);
      return recent.length >= options.limit
        ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + options.windowMs - now) / 1000)) }
        : { allowed: true, retryAfterSeconds: 0 };
    },
    check(key, now = Date.now()) {
      const since = now - options.windowMs;
      const recent = (hits.get(key) ?? []).filter((at) => at > since);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + options.windowMs - now) / 1000)) };
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      if (hits.size > maxKeys) hits.delete(hits.keys().next().value!); // forget the longest-idle client
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}

/**
 * The rate-limit key of a request: the client address the app's server worked out (client-address.ts).
 * Without that server in front (`next dev`, route handlers called in tests), the last
 * X-Forwarded-For entry, which Next.js fills with the peer address when the client sent none.
 */
export function clientKey(headers: { get(name: string): string | null }): string {
  const fromServer = headers.get(CLIENT_ADDRESS_HEADER);
  if (fromServer) return fromServer;
  return clientAddress(undefined, headers.get('x-forwarded-for') ?? undefined, 1);
}

function perMinuteFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const KEY = Symbol.for('hybrid-forum.registration-limiter');

/** Registrations (API and form) one client may send a minute; RATE_LIMIT_REGISTRATIONS_PER_MINUTE tunes it (default 20). */
export function registrationsPerMinute(): number {
  return perMinuteFromEnv('RATE_LIMIT_REGISTRATIONS_PER_MINUTE', 20);
}

/** The in-memory limiter in front of registration (API and form). */
export function registrationLimiter(): RateLimiter {
  const holder = globalThis as { [KEY]?: RateLimiter };
  holder[KEY] ??= createRateLimiter({ limit: registrationsPerMinute(), windowMs: 60_000 });
  return holder[KEY];
}

const WRONG_CODES_KEY = Symbol.for('hybrid-forum.wrong-ticket-code-limiter');

/** Wrong ticket codes one desk (staff member) may enter: 10 a minute. */
export const WRONG_TICKET_CODES = { limit: 10, windowMs: 60_000 };

/**
 * Wrong ticket codes from one desk (one signed-in staff member): 10 a minute. A short code is a
 * lookup key, not a secret; this keeps a desk from walking the code space.
 */
export function wrongTicketCodeLimiter(): RateLimiter {
  const holder = globalThis as { [WRONG_CODES_KEY]?: RateLimiter };
  holder[WRONG_CODES_KEY] ??= createRateLimiter(WRONG_TICKET_CODES);
  return holder[WRONG_CODES_KEY];
}
