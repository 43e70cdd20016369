import type { LiveViewer } from './access';

/**
 * How many event streams one attendee may hold open for one session on one instance: a phone, a
 * laptop and a few tabs. Each stream holds a socket, a heartbeat and a permission check a minute, so
 * one registration replaying its token thousands of times could otherwise use up an instance and
 * inflate "watching now". Organisers' and stage screens' streams are not counted: only the team gets
 * those tokens.
 */
export const STREAMS_PER_ATTENDEE = 5;

const open = new Map<string, number>();

/**
 * Takes a place for a new stream and returns its release (safe to call more than once), or null when
 * the attendee already holds every place.
 */
export function takeStreamPlace(viewer: LiveViewer): (() => void) | null {
  if (viewer.kind !== 'attendee') return () => {};
  const key = `${viewer.subjectId}:${viewer.sessionId}`;
  const held = open.get(key) ?? 0;
  if (held >= STREAMS_PER_ATTENDEE) return null;
  open.set(key, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (open.get(key) ?? 1) - 1;
    if (left > 0) open.set(key, left);
    else open.delete(key);
  };
}
