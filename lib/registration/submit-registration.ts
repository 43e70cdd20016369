import type { Db } from '@/db/types';
import { registerAttendee, type RegisterOptions } from './register';

/**
 * What whoever submitted a registration is told, whether the address was new or already registered:
 * the same status, the same fields, the same words. Nothing in it says whether the address was
 * registered before, nor how the registration stands, and it carries no manage link: the mail to the
 * address does (a confirmation, or for an address already registered a re-send of its link), so that
 * only whoever reads that mailbox can change or cancel the registration (docs/security.md).
 */
export type RegistrationReceipt = { received: true; email: string; message: string };

export type SubmissionResult =
  | { ok: true; status: 201; receipt: RegistrationReceipt }
  | { ok: false; status: 404 | 422; error: string; fields?: Record<string, string> };
/** What the registration form's server action answers: the submission's result, or a refusal when the rate limit is hit. */
export type RegisterActionResult = SubmissionResult | { ok: false; status: 429; error: string };

export function registrationReceipt(email: string): RegistrationReceipt {
  return { received: true, email, message: `We have sent a confirmation with your manage link to ${email}. Please check your inbox.` };
}

/** Registers from the API or the form, answering as RegistrationReceipt describes. */
export async function submitRegistration(
  db: Db,
  eventSlug: string,
  rawInput: unknown,
  options: RegisterOptions = {},
): Promise<SubmissionResult> {
  const result = await registerAttendee(db, eventSlug, rawInput, options);
  if (result.ok) return { ok: true, status: 201, receipt: registrationReceipt(result.registration.email) };
  if (result.status === 409) return { ok: true, status: 201, receipt: registrationReceipt(result.email) };
  return { ok: false, status: result.status, error: result.error, ...(result.fields ? { fields: result.fields } : {}) };
}
