// The sign-in route's own checks before next-auth: return addresses next-auth would answer with a 500,
// and the wait a throttled sign-in carries to the form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusedCallbackUrl } from '@/lib/auth/callback-url';
import { magicLinkLimits } from '@/lib/auth/magic-link-limits';
import { minutesToWait, throttledSignInError } from '@/lib/auth/sign-in-refusal';
import { ACCOUNT_THROTTLE, lockMs } from '@/lib/auth/sign-in-throttle';

const request = (query: string, cookie?: string) =>
  new Request(`http://localhost/api/auth/signin${query}`, cookie ? { headers: { cookie } } : undefined);

describe('refusedCallbackUrl', () => {
  it('accepts paths and http(s) addresses, in the query and in either callback cookie', () => {
    expect(refusedCallbackUrl(request(''))).toBeNull();
    expect(refusedCallbackUrl(request('?callbackUrl=%2Fadmin'))).toBeNull();
    expect(refusedCallbackUrl(request('?callbackUrl=https%3A%2F%2Fforum.example%2Fx'))).toBeNull();
    expect(refusedCallbackUrl(request('', 'next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2F'))).toBeNull();
    expect(refusedCallbackUrl(request('', '__Secure-next-auth.callback-url=%2Fen%2Fadmin'))).toBeNull();
  });

  it('returns the first address that is neither: from the query, then from each cookie', () => {
    expect(refusedCallbackUrl(request('?callbackUrl=javascript%3Aalert(1)'))).toBe('javascript:alert(1)');
    expect(refusedCallbackUrl(request('?callbackUrl=not%20a%20url'))).toBe('not a url');
    expect(refusedCallbackUrl(request('?callbackUrl=xhttps%3A%2F%2Fforum.example'))).toBe('xhttps://forum.example');
    expect(refusedCallbackUrl(request('?callbackUrl=%2Fok', 'next-auth.callback-url=ftp%3A%2F%2Fx'))).toBe('ftp://x');
    expect(refusedCallbackUrl(request('', 'a=1; __Secure-next-auth.callback-url=data%3Atext%2Fhtml,x'))).toBe('data:text/html,x');
    expect(refusedCallbackUrl(request('?callbackUrl=mailto%3Aa%40b', 'next-auth.callback-url=ftp%3A%2F%2Fx'))).toBe('mailto:a@b');
  });
});

describe('a throttled sign-in', () => {
  it('carries the wait in its message; the form shows whole minutes, rounded up', () => {
    expect(throttledSignInError(61).message).toBe('TooManyAttempts:61');
    expect(minutesToWait(throttledSignInError(61).message)).toBe(2);
    expect(minutesToWait(throttledSignInError(60).message)).toBe(1);
    expect(minutesToWait(throttledSignInError(1).message)).toBe(1);
  });

  it('any other failure, or a wait that is not a positive number, shows no minutes', () => {
    expect(minutesToWait(null)).toBeNull();
    expect(minutesToWait(undefined)).toBeNull();
    expect(minutesToWait('CredentialsSignin')).toBeNull();
    expect(minutesToWait('TooManyAttempts:0')).toBeNull();
    expect(minutesToWait('TooManyAttempts:-5')).toBeNull();
    expect(minutesToWait('TooManyAttempts:soon')).toBeNull();
    expect(minutesToWait('xTooManyAttempts:60')).toBeNull();
  });
});

describe('the sign-in lock-out', () => {
  it('locks nobody out before the allowed failures; then a minute, doubling, capped at an hour', () => {
    expect([0, 1, 4].map((failures) => lockMs(failures, ACCOUNT_THROTTLE))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 11, 12, 60].map((failures) => lockMs(failures, ACCOUNT_THROTTLE) / 60_000)).toEqual([1, 2, 4, 60, 60, 60]);
  });
});

describe('the sign-in link limits', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('are 5 per address and client and 20 per client, unless the environment sets whole positive numbers', () => {
    vi.stubEnv('RATE_LIMIT_MAGIC_LINKS_PER_EMAIL', '');
    vi.stubEnv('RATE_LIMIT_MAGIC_LINKS_PER_CLIENT', '');
    expect(magicLinkLimits()).toEqual({ perAddressAndClient: 5, perClient: 20 });
    vi.stubEnv('RATE_LIMIT_MAGIC_LINKS_PER_EMAIL', '3');
    vi.stubEnv('RATE_LIMIT_MAGIC_LINKS_PER_CLIENT', '1');
    expect(magicLinkLimits()).toEqual({ perAddressAndClient: 3, perClient: 1 });
    for (const wrong of ['0', '-2', '2.5', 'many']) {
      vi.stubEnv('RATE_LIMIT_MAGIC_LINKS_PER_EMAIL', wrong);
      expect(magicLinkLimits().perAddressAndClient).toBe(5);
    }
  });
});
