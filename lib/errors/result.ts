/**
 * The one vocabulary every lib/ operation answers in: a success with its value, or a failure with
 * one of a few codes. Route handlers turn a failure into HTTP in one place (./http.ts); server
 * actions hand it to the form as it is (components/forms/use-form-result.ts reads it). `error` is a
 * sentence for people; `fields` names the fields at fault, in the words the form shows beside them.
 */
export type FieldErrors = Record<string, string>;

export type ErrorCode =
  | 'invalid'
  | 'not-found'
  | 'signed-out'
  | 'forbidden'
  | 'conflict'
  | 'rate-limited'
  | 'unavailable'
  /** The request itself, before any field is read: not UTF-8, nested too deep… */
  | 'malformed'
  | 'too-large'
  | 'unsupported-type';

type Refusal<Code extends ErrorCode> = { ok: false; code: Code; error: string; fields?: FieldErrors };
export type Invalid = Refusal<'invalid'> & { fields: FieldErrors };

/** A failure; `Payload` is what a conflict carries besides its sentence (the sessions using a room, the clashes…). */
export type Failure<Payload extends object = object> =
  | Invalid
  | (Refusal<'conflict'> & Payload)
  | (Refusal<'rate-limited'> & { retryAfterSeconds: number })
  | Refusal<'not-found' | 'signed-out' | 'forbidden' | 'unavailable' | 'malformed' | 'too-large' | 'unsupported-type'>;

export type Success<Value extends object = object> = { ok: true } & Value;

export type Result<Value extends object = object, Payload extends object = object> = Success<Value> | Failure<Payload>;

export function ok(): Success;
export function ok<Value extends object>(value: Value): Success<Value>;
export function ok(value: object = {}): Success {
  return { ok: true, ...value };
}

/** Field errors; the sentence names the first field, as the API's 422 body always has. */
export function invalid(fields: FieldErrors): Invalid {
  const [field, message] = Object.entries(fields)[0] ?? ['body', 'is invalid'];
  return { ok: false, code: 'invalid', error: `${field} ${message}`, fields };
}

export function notFound(error: string): Refusal<'not-found'> {
  return { ok: false, code: 'not-found', error };
}

export function forbidden(error = 'You do not have access to this'): Refusal<'forbidden'> {
  return { ok: false, code: 'forbidden', error };
}

export function conflict(error: string): Refusal<'conflict'>;
export function conflict<Payload extends object>(error: string, payload: Payload): Refusal<'conflict'> & Payload;
export function conflict(error: string, payload: object = {}): Refusal<'conflict'> {
  return { ok: false, code: 'conflict', error, ...payload };
}

export function rateLimited(retryAfterSeconds: number, error = 'Too many requests; try again later'): Failure {
  return { ok: false, code: 'rate-limited', error, retryAfterSeconds };
}

/** A refusal of the request's shape or size, before its fields are read. */
export function refused(code: 'malformed' | 'too-large' | 'unsupported-type' | 'unavailable', error: string): Failure {
  return { ok: false, code, error };
}
