const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'nodemailer'],
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
  experimental: {
    serverActions: { bodySizeLimit: '256kb' },
    // Cached pages live in memory only: on disk they would outlive a restart against another
    // database (tests, the bench and a re-seeded demo all reuse one build).
    isrFlushToDisk: false,
  },
};

module.exports = withNextIntl(nextConfig);
