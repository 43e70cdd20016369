import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/security/client-address';
import { clientKey } from '@/lib/security/rate-limit';

describe('clientAddress', () => {
  it('with no proxy of ours in front, is the peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '1.2.3.4', 0)).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', ['1.2.3.4', '5.6.7.8'], 0)).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', undefined, 0)).toBe('198.51.100.7');
  });

  it('behind one proxy, is the address that proxy appended, not what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the load balancer (10.0.0.2) appended the real address.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.2', '203.0.113.5', 1)).toBe('203.0.113.5');
  });

  it('behind two proxies, skips both', () => {
    expect(clientAddress('10.0.0.3', 'forged, 203.0.113.5, 10.0.0.2', 2)).toBe('203.0.113.5');
  });

  it('with more trusted hops than entries, falls back to the outermost address it has', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.5', 3)).toBe('203.0.113.5');
  });

  it('counts an IPv4 client of a dual-stack socket once', () => {
    expect(clientAddress('::ffff:198.51.100.7', undefined, 0)).toBe('198.51.100.7');
    expect(clientAddress('::1', undefined, 0)).toBe('::1');
  });

  it('whatever a client writes in X-Forwarded-For, its key is the one its last trusted proxy saw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 6 }),
        fc.ipV4(),
        fc.integer({ min: 0, max: 3 }),
        (forged, real, hops) => {
          const proxies = Array.from({ length: hops }, (_, i) => `10.0.0.${i + 1}`);
          // What arrives: the client's own entries, then each proxy appends who connected to it.
          const forwarded = [...forged, real, ...proxies.slice(0, -1)].join(', ');
          const peer = hops === 0 ? real : proxies.at(-1)!;
          expect(clientAddress(peer, hops === 0 ? forged.join(', ') : forwarded, hops)).toBe(real);
        },
      ),
    );
  });
});

describe('clientKey', () => {
  it("takes the server's address header first", () => {
    expect(clientKey(new Headers({ 'x-hf-client-address': '198.51.100.7', 'x-forwarded-for': '1.2.3.4' }))).toBe('198.51.100.7');
  });

  it('without the server in front, takes the last X-Forwarded-For entry (Next.js puts the peer there when the client sent none)', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '1.2.3.4, 127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientKey(new Headers({ 'x-forwarded-for': '127.0.0.1' }))).toBe('127.0.0.1');
  });
});
