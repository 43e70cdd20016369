// When a session's stream is open: from 15 minutes before its start to its end, both instants
// included; afterwards the recording, if there is one.
import { describe, expect, it } from 'vitest';
import { STREAM_OPENS_BEFORE_MS, streamOpensAt, streamPhase } from '@/lib/livestream/entitlement';

const session = { startsAt: new Date('2026-12-24T02:00:00Z'), endsAt: new Date('2026-12-24T03:00:00Z'), recordingUrl: null };
const at = (iso: string) => new Date(iso);

describe('streamPhase', () => {
  it('opens 15 minutes before the start, at that very instant', () => {
    expect(STREAM_OPENS_BEFORE_MS).toBe(15 * 60_000);
    expect(streamOpensAt(session)).toEqual(at('2026-12-24T01:45:00Z'));
    expect(streamPhase(session, at('2026-12-24T01:44:59.999Z'))).toEqual({ phase: 'before', opensAt: at('2026-12-24T01:45:00Z') });
    expect(streamPhase(session, at('2026-12-24T01:45:00Z'))).toEqual({ phase: 'live' });
  });

  it('is live until the end, inclusive; then ended, with or without a recording', () => {
    expect(streamPhase(session, at('2026-12-24T03:00:00Z'))).toEqual({ phase: 'live' });
    expect(streamPhase(session, at('2026-12-24T03:00:00.001Z'))).toEqual({ phase: 'ended', hasRecording: false });
    expect(streamPhase({ ...session, recordingUrl: 'https://video.example/r' }, at('2026-12-25T00:00:00Z'))).toEqual({
      phase: 'ended',
      hasRecording: true,
    });
  });
});
