import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * The app's Prometheus metrics, in prom-client's default registry. The production server (bundled
 * apart from Next.js) and Next.js's route code both load prom-client from node_modules, so they share
 * one registry; each metric is made once, by whichever loads first.
 */
function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequestSeconds = once(
  'hf_http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'hf_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer finishing, by route of the build, method and status class',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: SECONDS,
    }),
);

export const registrationsTotal = once(
  'hf_registrations_total',
  () =>
    new Counter({
      name: 'hf_registrations_total',
      help: 'Registrations recorded, by the standing they were given (confirmed or waitlisted at the venue)',
      labelNames: ['standing'] as const,
    }),
);

export const smtpOutcomesTotal = once(
  'hf_smtp_outcomes_total',
  () =>
    new Counter({
      name: 'hf_smtp_outcomes_total',
      help: 'Mail delivery attempts by outcome: sent, retry (temporary failure) or failed (given up)',
      labelNames: ['outcome'] as const,
    }),
);

export const seatLockWaitSeconds = once(
  'hf_seat_lock_wait_seconds',
  () =>
    new Histogram({
      name: 'hf_seat_lock_wait_seconds',
      help: 'Time a transaction waited to lock the seat counters it needed',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
);

export const outboxDepth = once(
  'hf_outbox_depth',
  () => new Gauge({ name: 'hf_outbox_depth', help: 'Mails not yet delivered (queued, sending or waiting to retry)' }),
);

export const outboxOldestAgeSeconds = once(
  'hf_outbox_oldest_age_seconds',
  () =>
    new Gauge({
      name: 'hf_outbox_oldest_age_seconds',
      help: 'Age of the oldest mail not yet delivered (0 when none waits)',
    }),
);

// Process figures (resident memory, event-loop lag, GC), once per process.
if (!register.getSingleMetric('process_resident_memory_bytes')) collectDefaultMetrics({ register });

export const metricsRegistry = register;
