import type { AgendaSession } from '../agenda-session';

export type AgendaChange =
  | { kind: 'added'; sessionId: string }
  | { kind: 'cancelled'; sessionId: string; was: { startsAt: string; endsAt: string } }
  | {
      kind: 'moved';
      sessionId: string;
      was: { startsAt: string; endsAt: string; venueId: string };
      now: { startsAt: string; endsAt: string; venueId: string };
    }
  | { kind: 'room-changed'; sessionId: string; was: { roomId: string | null }; now: { roomId: string | null } }
  | { kind: 'details-changed'; sessionId: string };

/** Changes that alter where or when someone has to be: these are mailed. */
export const NOTIFIED: AgendaChange['kind'][] = ['cancelled', 'moved', 'room-changed'];

/** What changed between two published versions of the sessions, in session start order. */
export function diffAgenda(before: AgendaSession[], after: AgendaSession[]): AgendaChange[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const changes: AgendaChange[] = [];
  for (const session of after) {
    const was = old.get(session.id);
    old.delete(session.id);
    if (!was || was.status === 'cancelled') {
      if (session.status !== 'cancelled') changes.push({ kind: 'added', sessionId: session.id });
      continue;
    }
    const wasTimes = { startsAt: was.startsAt.toISOString(), endsAt: was.endsAt.toISOString() };
    if (session.status === 'cancelled') {
      changes.push({ kind: 'cancelled', sessionId: session.id, was: wasTimes });
      continue;
    }
    if (
      was.startsAt.getTime() !== session.startsAt.getTime() ||
      was.endsAt.getTime() !== session.endsAt.getTime() ||
      was.venueId !== session.venueId
    ) {
      changes.push({
        kind: 'moved',
        sessionId: session.id,
        was: { ...wasTimes, venueId: was.venueId },
        now: { startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), venueId: session.venueId },
      });
    } else if (was.roomId !== session.roomId) {
      changes.push({ kind: 'room-changed', sessionId: session.id, was: { roomId: was.roomId }, now: { roomId: session.roomId } });
    } else if (canonical(comparable(was)) !== canonical(comparable(session))) {
      changes.push({ kind: 'details-changed', sessionId: session.id });
    }
  }
  // A session deleted from the working copy is, to the people who chose it, cancelled.
  for (const gone of old.values()) {
    if (gone.status !== 'cancelled')
      changes.push({
        kind: 'cancelled',
        sessionId: gone.id,
        was: { startsAt: gone.startsAt.toISOString(), endsAt: gone.endsAt.toISOString() },
      });
  }
  return changes;
}

/** JSON with sorted keys: snapshots come back from jsonb with their keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function comparable(session: AgendaSession) {
  const { revision: _r, status: _s, ...rest } = session;
  return rest;
}
