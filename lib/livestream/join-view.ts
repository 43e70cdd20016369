import type { Db } from '@/db/types';
import { streamEntitlement, streamOpensAt, streamPhase, type Entitlement } from './entitlement';
import { parseJoinToken } from './join-token';
import { streamRedirectPath } from './stream-redirect';

export type JoinView =
  | { state: 'invalid' }
  | { state: 'refused'; reason: Exclude<Entitlement, { entitled: true }>['reason'] }
  | {
      state: 'before' | 'live' | 'ended';
      entitlement: Extract<Entitlement, { entitled: true }>;
      opensAt: Date;
      /** A fresh signed redirect, only when there is something to open now. */
      openPath: string | null;
    };

/** What a personal join page shows at `now`; it never holds the stream URL itself. */
export async function joinView(db: Db, token: string, now = new Date()): Promise<JoinView> {
  const parsed = parseJoinToken(token);
  if (!parsed) return { state: 'invalid' };
  const entitlement = await streamEntitlement(db, parsed.registrationId, parsed.sessionId);
  if (!entitlement.entitled) return { state: 'refused', reason: entitlement.reason };
  const phase = streamPhase(entitlement.session, now);
  const opensAt = streamOpensAt(entitlement.session);
  if (phase.phase === 'before') return { state: 'before', entitlement, opensAt, openPath: null };
  if (phase.phase === 'live')
    return { state: 'live', entitlement, opensAt, openPath: streamRedirectPath({ ...parsed, target: 'live' }, now) };
  return {
    state: 'ended',
    entitlement,
    opensAt,
    openPath: phase.hasRecording ? streamRedirectPath({ ...parsed, target: 'recording' }, now) : null,
  };
}
