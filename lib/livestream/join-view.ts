import type { Db } from '@/db/types';
import { type Channel, channelUrl, isHlsUrl, preferredChannel, sessionChannels } from './channels';
import { streamEntitlement, streamOpensAt, streamPhase, type Entitlement } from './entitlement';
import { parseJoinToken } from './join-token';
import { streamRedirectPath } from './stream-redirect';

/** A channel as the join page offers it: a fresh signed redirect (never the URL) and how it plays. */
export type JoinChannel = { channel: Channel; openPath: string; player: 'hls' | 'link' };

export type JoinView =
  | { state: 'invalid' }
  | { state: 'refused'; reason: Exclude<Entitlement, { entitled: true }>['reason'] }
  | {
      state: 'before' | 'live' | 'ended';
      entitlement: Extract<Entitlement, { entitled: true }>;
      opensAt: Date;
      /** A fresh signed redirect, only when there is something to open now (the selected channel's while live). */
      openPath: string | null;
      /** While live: every channel offered, and the one the page starts on. */
      channels: JoinChannel[];
      selected: JoinChannel | null;
    };

/**
 * What a personal join page shows at `now`; it never holds a stream URL itself. `picked` is the
 * channel the viewer chose (a query parameter); without one the page starts on interpretation into
 * the registration's language when the session offers it, else on the floor.
 */
export async function joinView(db: Db, token: string, now = new Date(), picked?: unknown): Promise<JoinView> {
  const parsed = parseJoinToken(token);
  if (!parsed) return { state: 'invalid' };
  const entitlement = await streamEntitlement(db, parsed.registrationId, parsed.sessionId);
  if (!entitlement.entitled) return { state: 'refused', reason: entitlement.reason };
  const { session, registration } = entitlement;
  const phase = streamPhase(session, now);
  const opensAt = streamOpensAt(session);
  if (phase.phase === 'before') return { state: 'before', entitlement, opensAt, openPath: null, channels: [], selected: null };
  if (phase.phase === 'live') {
    const channels = sessionChannels(session).map((channel) => ({
      channel,
      openPath: streamRedirectPath({ ...parsed, target: 'live', ...(channel === 'floor' ? {} : { channel }) }, now),
      player: isHlsUrl(channelUrl(session, channel) ?? '') ? ('hls' as const) : ('link' as const),
    }));
    const start = preferredChannel(
      channels.map((c) => c.channel),
      picked,
      registration.locale,
    );
    const selected = channels.find((c) => c.channel === start) ?? null;
    return { state: 'live', entitlement, opensAt, openPath: selected?.openPath ?? null, channels, selected };
  }
  return {
    state: 'ended',
    entitlement,
    opensAt,
    openPath: phase.hasRecording ? streamRedirectPath({ ...parsed, target: 'recording' }, now) : null,
    channels: [],
    selected: null,
  };
}
