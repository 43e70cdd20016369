import { database } from '@/lib/database/process-database';
import type { HeaderReader } from '@/lib/http/json-body';
import { rateLimited, type Failure } from '@/lib/errors/result';
import {
  clientKey,
  registrationLimiter,
  registrationsPerMinute,
  type RateLimiter,
  WRONG_TICKET_CODES,
  wrongTicketCodeLimiter,
} from '@/lib/security/rate-limit';
import { sharedSpent, takeSharedHit, type Verdict } from '@/lib/security/shared-rate-limit';

/**
 * The named limits an edge can ask for; the registration route and form share one budget per client.
 * On PostgreSQL the count is kept in the database (lib/security/shared-rate-limit.ts), so every app
 * instance behind a load balancer draws on the same budget; PGlite is one process, so it counts in
 * memory.
 */
const limits = {
  registration: { memory: registrationLimiter, shared: () => ({ limit: registrationsPerMinute(), windowMs: 60_000 }) },
} satisfies Record<string, { memory: () => RateLimiter; shared: () => { limit: number; windowMs: number } }>;

export type RateLimitName = keyof typeof limits;

/** A rate-limited failure when this client has used up the named limit, else null (and the request counts). */
export async function overLimit(name: RateLimitName, headers: HeaderReader): Promise<Failure | null> {
  const key = clientKey(headers);
  const opened = await database();
  const verdict: Verdict =
    opened.driver === 'postgres'
      ? await takeSharedHit(opened.db, `${name}:client:${key}`, limits[name].shared())
      : limits[name].memory().check(key);
  return verdict.allowed ? null : rateLimited(verdict.retryAfterSeconds);
}

/**
 * Wrong codes from one desk are limited by the staff member, not the address (a venue's desks share
 * one network): a failure when they have used up the limit, else null. Only wrong codes count
 * (countWrongTicketCode), so a busy desk scanning good tickets is never slowed.
 */
export async function overWrongTicketCodes(userId: string): Promise<Failure | null> {
  const opened = await database();
  const verdict =
    opened.driver === 'postgres'
      ? await sharedSpent(opened.db, `wrong-ticket-code:${userId}`, WRONG_TICKET_CODES)
      : wrongTicketCodeLimiter().spent(userId);
  return verdict.allowed ? null : rateLimited(verdict.retryAfterSeconds);
}

export async function countWrongTicketCode(userId: string): Promise<void> {
  const opened = await database();
  if (opened.driver === 'postgres')
    await takeSharedHit(opened.db, `wrong-ticket-code:${userId}`, { ...WRONG_TICKET_CODES, limit: 2 ** 31 - 1 });
  else wrongTicketCodeLimiter().check(userId);
}
