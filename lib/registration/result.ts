import type { Result } from '@/lib/errors/result';

export type SessionSeat = { sessionId: string; status: 'confirmed' | 'waitlisted'; position: number | null };

export type RegistrationView = {
  id: string;
  email: string;
  name: string;
  mode: 'in_person' | 'online';
  venue: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checked_in' | 'pending';
  waitlistPosition: number | null;
  sessions: SessionSeat[];
};

/**
 * What registering, changing or cancelling answers inside the server: the registration, or a
 * failure; a conflict (already registered, at this address, for this forum) carries the address it
 * was submitted with, as parsed, and submit-registration.ts answers it like a new registration.
 */
export type RegistrationOutcome = Result<{ registration: RegistrationView }, { email: string }>;
