import type { Db } from '@/db/types';
import { ok, type Result } from '@/lib/errors/result';
import { registerAttendee, type RegisterOptions } from './register';

/**
 * What whoever submitted a registration is told, whether the address was new or already registered:
 * the same status, the same fields, the same words. Nothing in it says whether the address was
 * registered before, nor how the registration stands, and it carries no manage link: the mail to the
 * address does (a confirmation, or for an address already registered a re-send of its link), so that
 * only whoever reads that mailbox can change or cancel the registration (docs/security.md).
 */
export type RegistrationReceipt = { received: true; email: string; message: string };

/** What a submission answers: the receipt, or why nothing was registered (never that the address was taken). */
export type Submission = Result<{ receipt: RegistrationReceipt }>;

export function registrationReceipt(email: string): RegistrationReceipt {
  return { received: true, email, message: `We have sent a confirmation with your manage link to ${email}. Please check your inbox.` };
}

/** Registers from the API or the form, answering as RegistrationReceipt describes. */
export async function submitRegistration(db: Db, eventSlug: string, rawInput: unknown, options: RegisterOptions = {}): Promise<Submission> {
  const result = await registerAttendee(db, eventSlug, rawInput, options);
  if (result.ok) return ok({ receipt: registrationReceipt(result.registration.email) });
  if (result.code === 'conflict') return ok({ receipt: registrationReceipt(result.email) });
  return result;
}
