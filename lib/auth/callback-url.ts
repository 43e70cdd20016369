import { parse as parseCookies } from 'cookie';

const CALLBACK_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/** next-auth's own test for a place to return to: an absolute http(s) address or a path. */
function acceptable(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? 'http://localhost' : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * A return address next-auth would refuse, from the query or from its cookie: it answers those with
 * a 500 ("a problem with the server configuration"); they are the client's mistake.
 */
export function refusedCallbackUrl(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get('callbackUrl');
  const cookies = parseCookies(request.headers.get('cookie') ?? '');
  for (const value of [fromQuery, ...CALLBACK_COOKIES.map((name) => cookies[name])]) {
    if (value && !acceptable(value)) return value;
  }
  return null;
}
