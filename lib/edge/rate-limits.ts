import { rateLimited, type Failure } from '@/lib/errors/result';
import { clientKey, registrationLimiter, type RateLimiter } from '@/lib/security/rate-limit';

/** The named limits an edge can ask for; the registration route and form share one budget per client. */
const limiters = { registration: registrationLimiter } satisfies Record<string, () => RateLimiter>;

export type RateLimitName = keyof typeof limiters;

/** A rate-limited failure when this client has used up the named limit, else null (and the request counts). */
export function overLimit(name: RateLimitName, headers: Headers): Failure | null {
  const verdict = limiters[name]().check(clientKey(headers));
  return verdict.allowed ? null : rateLimited(verdict.retryAfterSeconds);
}
