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
