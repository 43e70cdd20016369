import type { ErrorCode, Failure } from './result';

/** The one table from a failure's code to its HTTP status (the API contract in DESIGN.md). */
export const httpStatus: Record<ErrorCode, number> = {
  malformed: 400,
  'signed-out': 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-type': 415,
  invalid: 422,
  'rate-limited': 429,
  unavailable: 503,
};

/**
 * The JSON answer for a failure: `{ error, fields? }` with its status, and Retry-After when rate
 * limited. A conflict's payload is for the server's own callers and stays out of the body.
 */
export function errorResponse(failure: Failure, headers: Record<string, string> = {}): Response {
  const answer = failureAnswer(failure);
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...headers, ...answer.headers },
  });
}

/** errorResponse's status, JSON body and own headers, for answers written outside Next.js (lib/server/). */
export function failureAnswer(failure: Failure): { status: number; body: string; headers: Record<string, string> } {
  return {
    status: httpStatus[failure.code],
    body: JSON.stringify({ error: failure.error, ...(failure.fields ? { fields: failure.fields } : {}) }),
    headers: failure.code === 'rate-limited' ? { 'Retry-After': String(failure.retryAfterSeconds) } : {},
  };
}
