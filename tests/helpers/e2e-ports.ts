/** The app's port in browser tests (E2E_PORT, so engineers sharing a machine do not collide). */
export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? '3210');
}

/**
 * Where the e2e server sends mail: a real SMTP server that a spec starts on 127.0.0.1 when it wants
 * to read what arrived. Until one listens, the worker keeps the mail and retries.
 */
export function e2eSmtpPort(): number {
  return Number(process.env.E2E_SMTP_PORT ?? e2ePort() + 20000);
}

/**
 * Where a browser test serves its HLS stream (tests/e2e/player.spec.ts): the e2e seed points a live
 * session's channels here, and the server's STREAM_ORIGINS lets the join page's player fetch from it.
 */
export function e2eHlsPort(): number {
  return Number(process.env.E2E_HLS_PORT ?? e2ePort() + 21000);
}

/**
 * A second instance of the build that a browser test starts, stops and starts again on the e2e
 * server's PostgreSQL database (tests/e2e/support/second-instance.ts).
 */
export function e2eSecondInstancePort(): number {
  return Number(process.env.E2E_SECOND_PORT ?? e2ePort() + 22000);
}
