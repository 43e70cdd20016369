// The livestream's two signed links: the personal join page's address (in the registration mail)
// and the join page's short-lived redirect to the stream. Each refusal carries its reason: the
// stream route answers `expired` with 410 ("open the join page again") and anything else with 403.
import { describe, expect, it } from 'vitest';
import { appEnv } from '@/lib/config/env';
import { joinToken, joinUrl, parseJoinToken } from '@/lib/livestream/join-token';
import { STREAM_REDIRECT_TTL_SECONDS, streamRedirectPath, verifyStreamRedirect } from '@/lib/livestream/stream-redirect';
import { mac } from '@/lib/security/signing';
import { channelUrl, isHlsUrl, preferredChannel, sessionChannels } from '@/lib/livestream/channels';

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
      // Interpretation channels: only live ones, only the interface's languages, lower case.
      'signed, recording with a channel': signed(`${registrationId}.${sessionId}.recording-zh.${expiresAt}`),
      'signed, channel not a language of ours': signed(`${registrationId}.${sessionId}.live-fr.${expiresAt}`),
      'signed, channel in capitals': signed(`${registrationId}.${sessionId}.live-ZH.${expiresAt}`),
      'signed, channel floor spelled out': signed(`${registrationId}.${sessionId}.live-floor.${expiresAt}`),
      'signed, channel with a suffix': signed(`${registrationId}.${sessionId}.live-zhx.${expiresAt}`),
      'signed, channel empty': signed(`${registrationId}.${sessionId}.live-.${expiresAt}`),
    };
    for (const [name, candidate] of Object.entries(refusals)) {
      expect([name, verifyStreamRedirect(candidate as string, issued)]).toEqual([name, invalid]);
      expect([name, verifyStreamRedirect(candidate as string, later)]).toEqual([name, invalid]);
    }
    // The controls: the same signer accepts a well-formed payload, with a 12-digit expiry too.
    expect(verifyStreamRedirect(signed(`${registrationId}.${sessionId}.recording.999999999999`), later)).toMatchObject({ ok: true });
    expect(verifyStreamRedirect(signed(`${registrationId}.${sessionId}.live.${expiresAt}`), issued)).toMatchObject({ ok: true });
    expect(verifyStreamRedirect(signed(`${registrationId}.${sessionId}.live-th.${expiresAt}`), issued)).toEqual({
      ok: true,
      redirect: { registrationId, sessionId, target: 'live', channel: 'th' },
    });
  });

  it('carries an interpretation channel in its target, signed with the rest: the floor link names none', () => {
    const zh = streamRedirectPath({ registrationId, sessionId, target: 'live', channel: 'zh' }, issued);
    expect(tokenOf(zh).split('.')[2]).toBe('live-zh');
    expect(verifyStreamRedirect(tokenOf(zh), issued)).toEqual({
      ok: true,
      redirect: { registrationId, sessionId, target: 'live', channel: 'zh' },
    });
    expect(verifyStreamRedirect(tokenOf(zh).replace('.live-zh.', '.live-ja.'), issued)).toEqual({ ok: false, reason: 'invalid' });
    const floor = verifyStreamRedirect(token, issued);
    expect(floor.ok && 'channel' in floor.redirect).toBe(false);
    // A recording has no channels: a channel given for one is not written into its link.
    expect(tokenOf(streamRedirectPath({ registrationId, sessionId, target: 'recording', channel: 'zh' }, issued)).split('.')[2]).toBe(
      'recording',
    );
  });
});

describe('channels', () => {
  const session = {
    livestreamUrl: 'https://cdn.example/floor.m3u8',
    interpretationUrls: { zh: 'https://cdn.example/zh.m3u8', fr: 'https://x/fr' },
  };
  it('lists the floor first, then the interface languages interpreted into, and picks where a viewer starts', () => {
    expect(sessionChannels(session)).toEqual(['floor', 'zh']);
    expect(sessionChannels({ ...session, livestreamUrl: null })).toEqual([]);
    expect(channelUrl({ ...session, livestreamUrl: null }, 'zh')).toBeNull();
    expect(preferredChannel(['floor', 'zh'], undefined, 'zh')).toBe('zh');
    expect(preferredChannel(['floor', 'zh'], 'floor', 'zh')).toBe('floor');
    expect(preferredChannel(['floor', 'zh'], 'th', 'ko')).toBe('floor');
    expect(preferredChannel([], 'zh', 'zh')).toBeNull();
  });
  it('plays in the page only what is an HLS playlist', () => {
    expect(isHlsUrl('https://cdn.example/live/Index.M3U8?token=1')).toBe(true);
    expect(isHlsUrl('https://www.youtube.com/watch?v=m3u8')).toBe(false);
    expect(isHlsUrl('https://cdn.example/live.m3u8.html')).toBe(false);
    expect(isHlsUrl('not a url.m3u8')).toBe(false);
  });
});
