export type SessionSeat = { sessionId: string; status: 'confirmed' | 'waitlisted'; position: number | null };

export type RegistrationView = {
  id: string;
  email: string;
  name: string;
  mode: 'in_person' | 'online';
  venue: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checked_in';
  waitlistPosition: number | null;
  sessions: SessionSeat[];
};

/**
 * What registration operations answer inside the server; `status` doubles as the HTTP status code,
 * except 409 (already registered), which submit-registration.ts answers like a new registration.
 */
export type RegistrationResult =
  | { ok: true; status: 200 | 201; registration: RegistrationView }
  | { ok: false; status: 404 | 422; error: string; fields?: Record<string, string> }
  /** Already registered (at this address, for this forum): the address it was submitted with, as parsed. */
  | { ok: false; status: 409; error: string; email: string };

export function invalid(fields: Record<string, string>): RegistrationResult {
  const [field, message] = Object.entries(fields)[0] ?? ['body', 'is invalid'];
  return { ok: false, status: 422, error: `${field} ${message}`, fields };
}
