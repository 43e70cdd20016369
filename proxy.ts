import { NextResponse, type NextRequest } from 'next/server';
import { appEnv } from '@/lib/config/env';
import { LOCALE_HEADER, localeRewrite } from '@/lib/http/locale-rewrite';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { baseSecurityHeaders, contentSecurityPolicy, newNonce } from '@/lib/http/security-headers';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The cached programme holds the nonce of the render that made it, not this request's: only the
  // app server's refills (which answer with that nonce) and the router's payload requests (no
  // scripts) may read it. A browser's page request reaching Next.js directly gets its own render.
  const cachedCopy = request.headers.has(PAGE_CACHE_HEADER) || request.headers.has('rsc');
  const target = localeRewrite(pathname, search, request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'), {
    cachedCopy,
  });
  // From request.url, not nextUrl: nextUrl takes its host from the Host header, and a rewrite to
  // another origin than the server's own becomes an outgoing proxy request.
  const url = new URL(target.pathname + search, request.url);
  const https = appEnv().appUrl.startsWith('https:');
  // Only a join page plays streams: every other page keeps connect-src 'self' and no media.
  const player = /^\/[a-z]{2}\/join\//.test(target.pathname);
  const policy = contentSecurityPolicy(newNonce(), {
    https,
    dev: process.env.NODE_ENV === 'development',
    ...(player ? { streamOrigins: appEnv().streamOrigins } : {}),
  });
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, target.locale);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set('content-security-policy', policy);
  const response = NextResponse.rewrite(url, { request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(baseSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: API routes, the language switch and the build's assets (and, in development, its
  // live-reload channels) are served as they are. Any other address, including a mistyped one under
  // /_next/, becomes a page address, so it gets the site's own not-found in the visitor's language.
  matcher: ['/((?!api/|_next/(?:static|data|webpack-hmr)/|_next/image|__nextjs|locale$|metrics$|favicon\\.ico$).*)'],
};
