import type { JsonAnswer } from './sessions-answer';

/** A JSON answer (the one function a route and the app server's fast path share) as a route handler's Response. */
export function jsonAnswerResponse(answer: JsonAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
}
