import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, policyWithNonce, scriptNonceOf } from '@/lib/http/security-headers';

/** proxy.ts as Next.js runs it, with APP_URL read afresh (the configuration is read once per process). */
async function proxyWith(appUrl: string) {
  vi.resetModules();
  vi.stubEnv('APP_URL', appUrl);
  return (await import('@/proxy')).proxy;
}

afterEach(() => vi.unstubAllEnvs());

describe('the headers proxy.ts puts on pages', () => {
  it('over https: HSTS and upgrade-insecure-requests; over http neither', async () => {
    const secure = (await proxyWith('https://forum.example.org'))(new NextRequest('https://forum.example.org/events/forum/register'));
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(secure.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const plain = (await proxyWith('http://127.0.0.1:3000'))(new NextRequest('http://127.0.0.1:3000/events/forum/register'));
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    for (const response of [secure, plain]) {
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('lets only a join page fetch and play streams, from STREAM_ORIGINS (any https origin when unset)', async () => {
    const policyOf = (response: Response) => response.headers.get('content-security-policy')!;
    const byDefault = await proxyWith('http://127.0.0.1:3000');
    const join = policyOf(byDefault(new NextRequest('http://127.0.0.1:3000/zh/join/abc.def')));
    expect(join).toContain("connect-src 'self' https:;");
    expect(join).toContain("media-src 'self' blob: https:;");
    const other = policyOf(byDefault(new NextRequest('http://127.0.0.1:3000/zh/events/forum')));
    expect(other).toContain("connect-src 'self';");
    expect(other).not.toContain('media-src');
    // A page whose path merely mentions join is not a join page.
    expect(policyOf(byDefault(new NextRequest('http://127.0.0.1:3000/events/join/x')))).not.toContain('media-src');
    vi.stubEnv('STREAM_ORIGINS', 'https://cdn.example.com  http://127.0.0.1:24000');
    const listed = policyOf((await proxyWith('http://127.0.0.1:3000'))(new NextRequest('http://127.0.0.1:3000/join/abc.def')));
    expect(listed).toContain("connect-src 'self' https://cdn.example.com http://127.0.0.1:24000;");
    expect(listed).toContain("media-src 'self' blob: https://cdn.example.com http://127.0.0.1:24000;");
  });

  it('hands Next.js the same nonce it announces, a new one per request', async () => {
    const proxy = await proxyWith('http://127.0.0.1:3000');
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const response = proxy(new NextRequest('http://127.0.0.1:3000/'));
      const announced = response.headers.get('content-security-policy')!;
      // The rewritten request's headers travel to Next.js as x-middleware-request-* headers.
      expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(announced);
      nonces.add(/'nonce-([^']+)'/.exec(announced)![1]!);
    }
    expect(nonces.size).toBe(20);
  });

  it('a stored copy’s policy names the nonce in the copy', () => {
    const policy = contentSecurityPolicy('AAAA', { https: false });
    const html = '<html><head><script src="/_next/a.js" async="" nonce="c3RvcmVk+/="></script></head></html>';
    expect(scriptNonceOf(html)).toBe('c3RvcmVk+/=');
    expect(policyWithNonce(policy, scriptNonceOf(html)!)).toBe(contentSecurityPolicy('c3RvcmVk+/=', { https: false }));
    expect(scriptNonceOf('<script src="/x.js"></script>')).toBeNull();
  });
});
