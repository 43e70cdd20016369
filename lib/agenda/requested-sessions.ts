import type { FormOptions, SessionOption } from './form-options';

/** How a person asked to attend: at a venue (its slug) or online. */
export type AttendanceChoice = { mode: 'in_person' | 'online'; venue: string | null };

/**
 * The sessions a person asked for, as the form offered them for their choice of attendance: in
 * their venue's time (online, each session's own venue's), each with its date, earliest first.
 * `requests` carry whatever the caller shows beside each session (a seat, a status).
 */
export function requestedSessions<T extends { sessionId: string }>(
  options: FormOptions,
  choice: AttendanceChoice,
  requests: T[],
): { option: SessionOption; request: T }[] {
  const offered = options.sessionsFor[choice.mode === 'online' ? 'online' : (choice.venue ?? '')] ?? [];
  const bySession = new Map(requests.map((r) => [r.sessionId, r]));
  return offered.flatMap((option) => {
    const request = bySession.get(option.id);
    return request ? [{ option, request }] : [];
  });
}
