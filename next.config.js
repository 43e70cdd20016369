const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time; pdf-lib and
  // its fontkit stay plain Node packages too (the badge fonts are read from @fontsource's folders).
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'nodemailer', 'prom-client', 'pino', 'pdf-lib', '@pdf-lib/fontkit'],
  poweredByHeader: false,
  // Next.js hashes every page body in JavaScript, character by character, to make an ETag: 15% of
  // the server's CPU when serving the cached programme (bench profile). A 304 would save the
  // transfer, not the work, so CPU matters more here.
  generateEtags: false,
  typedRoutes: false,
  // proxy.ts rewrites every page into app/[locale]. It must see the URL the server itself received:
  // otherwise the rewrite's origin comes from the Host header and, when that differs from the
  // address the server listens on (a reverse proxy, localhost vs 127.0.0.1), Next.js treats the
  // rewrite as external and proxies it out.
  skipProxyUrlNormalize: true,
  // Pages get these and their Content-Security-Policy from proxy.ts (lib/http/security-headers.ts);
  // the API, calendar files and the language switch are not matched by the proxy.
  async headers() {
    const plain = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
    ];
    return [
      { source: '/api/:path*', headers: plain },
      { source: '/locale', headers: plain },
    ];
  },
  experimental: {
    // The app server (scripts/serve.ts) refuses a larger body with a 413 before Next.js reads it
    // (MAX_FORM_BODY_BYTES in lib/server/request-guard.ts); Next.js's own limit answers a 500.
    serverActions: { bodySizeLimit: '64kb' },
    // Cached pages live in memory only: on disk they would outlive a restart against another
    // database (tests, the bench and a re-seeded demo all reuse one build).
    isrFlushToDisk: false,
  },
};

module.exports = withNextIntl(nextConfig);
