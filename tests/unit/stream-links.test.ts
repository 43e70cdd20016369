// The livestream's two signed links: the personal join page's address (in the registration mail)
// and the join page's short-lived redirect to the stream. Each refusal carries its reason: the
// stream route answers `expired` with 410 ("open the join page again") and anything else with 403.
import { describe, expect, it } from 'vitest';
import { appEnv } from '@/lib/config/env';
import { joinToken, joinUrl, parseJoinToken } from '@/lib/livestream/join-token';
import { STREAM_REDIRECT_TTL_SECONDS, streamRedirectPath, verifyStreamRedirect } from '@/lib/livestream/stream-redirect';
import { mac } from '@/lib/security/signing';

const registrationId = '0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b';
const sessionId = '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f';
const issued = new Date('2026-12-24T02:00:00.000Z');
const tokenOf = (path: string) => path.split('/').pop()!;
/** A redirect token signed like the real ones, whatever its parts: the checks must hold even for a signed payload. */
const signed = (payload: string) => `${payload}.${mac('livestream-redirect', payload)}`;
const expiresAt = Math.floor(issued.getTime() / 1000) + STREAM_REDIRECT_TTL_SECONDS;

describe('joinUrl', () => {
  it('is the app’s own address, /join/, and a token that opens this registration’s page for this session only', () => {
    const url = joinUrl(registrationId, sessionId);
    expect(url).toBe(`${appEnv().appUrl}/join/${joinToken(registrationId, sessionId)}`);
    expect(url.startsWith(`${appEnv().appUrl}/join/`)).toBe(true);
    expect(parseJoinToken(url.split('/join/')[1]!)).toEqual({ registrationId, sessionId });
    // The token is signed for the join page: swapping the ids breaks it.
    expect(parseJoinToken(`${sessionId}.${registrationId}.${joinToken(registrationId, sessionId).split('.')[2]}`)).toBeNull();
  });
});

describe('verifyStreamRedirect', () => {
  const path = streamRedirectPath({ registrationId, sessionId, target: 'live' }, issued);
  const token = tokenOf(path);

  it('is made for /api/v1/stream/ and holds the ids, the target and an expiry two minutes on', () => {
    expect(path).toBe(
      `/api/v1/stream/${registrationId}.${sessionId}.live.${expiresAt}.${mac('livestream-redirect', `${registrationId}.${sessionId}.live.${expiresAt}`)}`,
    );
  });

  it('opens until the last second of its life, inclusive, and is expired a millisecond later', () => {
    const ok = { ok: true, redirect: { registrationId, sessionId, target: 'live' } };
    expect(verifyStreamRedirect(token, issued)).toEqual(ok);
    expect(verifyStreamRedirect(token, new Date(expiresAt * 1000 - 1))).toEqual(ok);
    expect(verifyStreamRedirect(token, new Date(expiresAt * 1000))).toEqual(ok);
    expect(verifyStreamRedirect(token, new Date(expiresAt * 1000 + 1))).toEqual({ ok: false, reason: 'expired' });
    const recording = tokenOf(streamRedirectPath({ registrationId, sessionId, target: 'recording' }, issued));
    expect(verifyStreamRedirect(recording, issued)).toEqual({ ok: true, redirect: { registrationId, sessionId, target: 'recording' } });
  });

  it('refuses a forged, altered or malformed link as invalid, not expired, even long after it expired', () => {
    const later = new Date(expiresAt * 1000 + 3_600_000);
    const invalid = { ok: false, reason: 'invalid' };
    const refusals: Record<string, unknown> = {
      'not a string': 42,
      'too long': `${token}${'A'.repeat(300)}`,
      'four parts': token.split('.').slice(0, 4).join('.'),
      'a sixth part': `${token}.extra`,
      'another target, same signature': token.replace('.live.', '.recording.'),
      'another session, same signature': token.replace(sessionId, registrationId),
      'signature altered': token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      'signature for another purpose': `${registrationId}.${sessionId}.live.${expiresAt}.${mac('livestream-join', `${registrationId}.${sessionId}.live.${expiresAt}`)}`,
      // Signed, but not the shape the route hands to the database: each check holds on its own.
      'signed, registration not a uuid': signed(`${registrationId.toUpperCase()}.${sessionId}.live.${expiresAt}`),
      'signed, registration with a prefix': signed(`x${registrationId}.${sessionId}.live.${expiresAt}`),
      'signed, registration with a suffix': signed(`${registrationId}x.${sessionId}.live.${expiresAt}`),
      'signed, session not a uuid': signed(`${registrationId}.x${sessionId}.live.${expiresAt}`),
      'signed, session with a suffix': signed(`${registrationId}.${sessionId}0.live.${expiresAt}`),
      'signed, another target': signed(`${registrationId}.${sessionId}.admin.${expiresAt}`),
      'signed, no target': signed(`${registrationId}.${sessionId}..${expiresAt}`),
      'signed, expiry not digits': signed(`${registrationId}.${sessionId}.live.${expiresAt}x`),
      'signed, expiry with a prefix': signed(`${registrationId}.${sessionId}.live.x${expiresAt}`),
      'signed, expiry empty': signed(`${registrationId}.${sessionId}.live.`),
      'signed, expiry 13 digits': signed(`${registrationId}.${sessionId}.live.9999999999999`),
    };
    for (const [name, candidate] of Object.entries(refusals)) {
      expect([name, verifyStreamRedirect(candidate as string, issued)]).toEqual([name, invalid]);
      expect([name, verifyStreamRedirect(candidate as string, later)]).toEqual([name, invalid]);
    }
    // The controls: the same signer accepts a well-formed payload, with a 12-digit expiry too.
    expect(verifyStreamRedirect(signed(`${registrationId}.${sessionId}.recording.999999999999`), later)).toMatchObject({ ok: true });
    expect(verifyStreamRedirect(signed(`${registrationId}.${sessionId}.live.${expiresAt}`), issued)).toMatchObject({ ok: true });
  });
});
