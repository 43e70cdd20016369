import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_HEADER, localeRewrite } from '@/lib/http/locale-rewrite';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const target = localeRewrite(pathname, search, request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
  // From request.url, not nextUrl: nextUrl takes its host from the Host header, and a rewrite to
  // another origin than the server's own becomes an outgoing proxy request.
  const url = new URL(target.pathname + search, request.url);
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, target.locale);
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  // Pages only: API routes, the language switch and build assets are served as they are.
  matcher: ['/((?!api/|_next/|locale$|favicon\\.ico$).*)'],
};
