import { rateLimited, type Failure } from '@/lib/errors/result';
import { clientKey, registrationLimiter, type RateLimiter, wrongTicketCodeLimiter } from '@/lib/security/rate-limit';

/** The named limits an edge can ask for; the registration route and form share one budget per client. */
const limiters = { registration: registrationLimiter } satisfies Record<string, () => RateLimiter>;

export type RateLimitName = keyof typeof limiters;

/** A rate-limited failure when this client has used up the named limit, else null (and the request counts). */
export function overLimit(name: RateLimitName, headers: Headers): Failure | null {
  const verdict = limiters[name]().check(clientKey(headers));
  return verdict.allowed ? null : rateLimited(verdict.retryAfterSeconds);
}

/**
 * Wrong codes from one desk are limited by the staff member, not the address (a venue's desks share
 * one network): a failure when they have used up the limit, else null. Only wrong codes count
 * (countWrongTicketCode), so a busy desk scanning good tickets is never slowed.
 */
export function overWrongTicketCodes(userId: string): Failure | null {
  const verdict = wrongTicketCodeLimiter().spent(userId);
  return verdict.allowed ? null : rateLimited(verdict.retryAfterSeconds);
}

export function countWrongTicketCode(userId: string): void {
  wrongTicketCodeLimiter().check(userId);
}
