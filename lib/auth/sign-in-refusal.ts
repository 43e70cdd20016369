// Shared by the server (authorize) and the sign-in form: next-auth hands an error thrown in
// authorize to the browser as its message, so the wait travels in it.
const PREFIX = 'TooManyAttempts:';

export function throttledSignInError(retryAfterSeconds: number): Error {
  return new Error(`${PREFIX}${retryAfterSeconds}`);
}

/** Whole minutes to wait when a sign-in was throttled, or null for any other failure. */
export function minutesToWait(error: string | null | undefined): number | null {
  if (!error?.startsWith(PREFIX)) return null;
  const seconds = Number(error.slice(PREFIX.length));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
}
