/**
 * Refuses state-changing requests a browser sent from another site. Session cookies are SameSite=Lax
 * already; this also covers older browsers and same-site subdomains. No Origin header (curl, tests)
 * is allowed: such clients carry no victim's cookies.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
