/** What a failed send means for the next attempt. */
export type FailureVerdict = { permanent: boolean; reply: string };

type SmtpError = { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };

/**
 * 5xx replies are the receiver saying "never"; everything else (4xx, refused connections, timeouts,
 * dropped sockets) may work later.
 */
export function classifyFailure(error: unknown): FailureVerdict {
  const e = (error ?? {}) as SmtpError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const reply = [
    typeof e.response === 'string' ? e.response : undefined,
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.message === 'string' ? e.message : String(error),
  ]
    .filter(Boolean)
    .join(' | ')
    .slice(0, 1000);
  return { permanent: code !== undefined && code >= 500 && code < 600, reply };
}

export type Backoff = (attempt: number) => number;

/** 30 s, 1 min, 2 min … capped at an hour, with jitter so a crowd of retries does not arrive at once. */
export const exponentialBackoff: Backoff = (attempt) => {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
};

/** After this many attempts (about a day of backoff) temporary failures are given up as failed. */
export const MAX_ATTEMPTS = 30;
