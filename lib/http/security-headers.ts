// The security headers of every page, in one place: proxy.ts sets them on what Next.js renders, and
// the server's fast path (lib/server/published-pages.ts) on the stored copies it answers with.

/** A fresh, unguessable nonce for one rendering of a page (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for a page whose scripts carry this nonce. Next.js reads the nonce from this header on
 * the request and puts it on its own scripts; 'strict-dynamic' lets those load the page's chunks.
 * Styles: the stylesheets are files, but components set style attributes, which only
 * style-src-attr can allow without letting <style> elements in.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; dev?: boolean; streamOrigins?: string[] }): string {
  // The join page's player: hls.js fetches the playlist and segments (connect-src) from the stream's
  // origins and plays them through a blob: Media Source; Safari's own HLS loads them as media.
  const streams = options.streamOrigins ? ` ${options.streamOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${streams}`,
    ...(options.streamOrigins ? [`media-src 'self' blob:${streams}`] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The same policy for another nonce: a stored copy of a page is answered with the nonce it was rendered with. */
export function policyWithNonce(policy: string, nonce: string): string {
  return policy.replace(/'nonce-[^']*'/g, `'nonce-${nonce}'`);
}

/** The nonce a rendered page's scripts carry, or null when they carry none. */
export function scriptNonceOf(html: string): string | null {
  return /<script\b[^>]*\snonce="([A-Za-z0-9+/_=-]+)"/.exec(html)?.[1] ?? null;
}

/** What every answer carries, pages, JSON and files alike. */
export function baseSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    // Only over HTTPS: on plain HTTP the browser ignores it, and on localhost it would pin the name.
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
