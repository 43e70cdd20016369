/**
 * What every API answer carries (next.config.js `headers` for /api/:path*), which Next.js adds to a
 * route's own; the answers the app server writes itself carry them too. tests/server/sessions-json
 * compares the two servers' headers.
 */
export const API_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
} as const;
