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

/** What registration operations answer; `status` doubles as the HTTP status code. */
export type RegistrationResult =
  | { ok: true; status: 200 | 201; registration: RegistrationView; manageUrl: string }
  | { ok: false; status: 404 | 409 | 422; error: string; fields?: Record<string, string> };

export function invalid(fields: Record<string, string>): RegistrationResult {
  const [field, message] = Object.entries(fields)[0] ?? ['body', 'is invalid'];
  return { ok: false, status: 422, error: `${field} ${message}`, fields };
}
