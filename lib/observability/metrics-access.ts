import { timingSafeEqual } from 'node:crypto';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics. Its figures (outbox depth, request rates by route) help an attacker time an
 * attack, so: with METRICS_TOKEN set, whoever sends it as a bearer token; without it, only the
 * machine itself (a Prometheus agent or node exporter beside the app). The client address is the one
 * the app's server worked out, so a forged X-Forwarded-For does not make a remote client local.
 */
export function mayReadMetrics(
  request: { authorization: string | null; clientAddress: string | null },
  token: string | undefined,
): boolean {
  if (token) {
    const offered = Buffer.from(request.authorization?.replace(/^Bearer\s+/i, '') ?? '');
    const expected = Buffer.from(token);
    return offered.length === expected.length && timingSafeEqual(offered, expected);
  }
  return request.clientAddress !== null && LOOPBACK.has(request.clientAddress);
}
