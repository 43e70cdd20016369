/**
 * Refuses state-changing requests a browser sent from another site. Session cookies are SameSite=Lax
 * already; this also covers older browsers and same-site subdomains. No Origin header (curl, tests)
 * is allowed: such clients carry no victim's cookies.
 */
export function sameOrigin(request: Request): boolean {
  return sameOriginHost(request.headers.get('origin'), request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
}

/** Whether an Origin header names `host` (or is absent); the same test for the app server's own checks. */
export function sameOriginHost(origin: string | null, host: string | null): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
