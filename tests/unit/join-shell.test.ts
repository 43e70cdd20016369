// Filling a shared join page in with another registrant's values (lib/livestream/join-shell.ts): every
// value of the first registrant replaced, and nothing shared when any of theirs would be left.
import { beforeAll, describe, expect, it } from 'vitest';
import { fillShell, redirectsFor, redirectsIn } from '@/lib/livestream/join-shell';
import { joinToken } from '@/lib/livestream/join-token';
import { streamRedirectPath, verifyStreamRedirect } from '@/lib/livestream/stream-redirect';

const SESSION = '6f1c1a52-3f0e-4a4b-9a51-7d7b7f5e2c10';
const ALICE = '0b2d9a54-1b3c-4c5d-8e6f-708192a3b4c5';
const BOB = '9c8b7a65-4d3e-4f2a-9b1c-0d9e8f7a6b5c';

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
});

function pageFor(registrationId: string, at: Date) {
  const token = joinToken(registrationId, SESSION);
  const floor = streamRedirectPath({ registrationId, sessionId: SESSION, target: 'live' }, at);
  const zh = streamRedirectPath({ registrationId, sessionId: SESSION, target: 'live', channel: 'zh' }, at);
  const html = `<html><link rel="canonical" href="/join/${token}"><a href="${floor}">floor</a><script>push(["${zh}","${token}"])</script></html>`;
  return { token, html };
}

describe('join page shells', () => {
  it('finds the redirects by target, signs fresh ones for another registrant, and fills every value in', () => {
    const at = new Date('2026-12-24T01:00:00Z');
    const alice = pageFor(ALICE, at);
    const found = redirectsIn(alice.html);
    expect([...found.keys()].sort()).toEqual(['live', 'live-zh']);
    const later = new Date(at.getTime() + 7_000);
    const fresh = redirectsFor(found, { registrationId: BOB, sessionId: SESSION }, later);
    for (const [target, path] of fresh) {
      const check = verifyStreamRedirect(path.split('/').pop()!, later);
      expect(check.ok && check.redirect.registrationId).toBe(BOB);
      expect(path.split('.')[2]).toBe(target);
    }
    const filled = fillShell(
      alice.html,
      { token: alice.token, registrationId: ALICE, redirects: found },
      { token: joinToken(BOB, SESSION), registrationId: BOB, redirects: fresh },
    );
    expect(filled).toBe(pageFor(BOB, later).html);
    expect(filled).not.toContain(ALICE);
  });

  it('shares nothing when a value of the first registrant would be left, or the links do not match', () => {
    const at = new Date('2026-12-24T01:00:00Z');
    const alice = pageFor(ALICE, at);
    const found = redirectsIn(alice.html);
    const bob = {
      token: joinToken(BOB, SESSION),
      registrationId: BOB,
      redirects: redirectsFor(found, { registrationId: BOB, sessionId: SESSION }, at),
    };
    const from = { token: alice.token, registrationId: ALICE, redirects: found };
    // The id written another way than inside the token and the links (a data attribute, say).
    expect(fillShell(`${alice.html}<div data-registration="${ALICE}"></div>`, from, bob)).toBeNull();
    expect(fillShell(alice.html, from, { ...bob, redirects: new Map([...bob.redirects].slice(0, 1)) })).toBeNull();
    expect(
      fillShell(alice.html, from, {
        ...bob,
        redirects: new Map([
          ['live', 'x'],
          ['recording', 'y'],
        ]),
      }),
    ).toBeNull();
  });

  it('refuses to re-sign a link this server did not sign', () => {
    const forged = new Map([['live', `/api/v1/stream/${ALICE}.${SESSION}.live.99999999999.forged`]]);
    expect(() => redirectsFor(forged, { registrationId: BOB, sessionId: SESSION }, new Date())).toThrow();
  });
});
