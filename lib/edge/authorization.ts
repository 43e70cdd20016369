import { AuthorizationError } from '@/lib/auth/authorize';
import type { Failure } from '@/lib/errors/result';

/** A refusal thrown by lib/ as the vocabulary's failure (a route answers it 401 or 403); anything else is rethrown. */
export function authorizationFailure(error: unknown): Failure {
  if (!(error instanceof AuthorizationError)) throw error;
  return { ok: false, code: error.reason === 'signed-out' ? 'signed-out' : 'forbidden', error: error.message };
}
