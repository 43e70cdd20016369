// HTTP load with autocannon: a fixed-size burst of unique registrations, and timed GET runs.
import { performance } from 'node:perf_hooks';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';
import type { SeatedSession } from '../../tests/helpers/seated-session';
import { seatedRegistration } from '../../tests/helpers/seated-session';

type AutocannonResult = {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
};

export type LoadResult = {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Server CPU time per answered request, and its CPU use over the run (100% = one core). */
  serverCpuMsPerRequest?: number;
  serverCpuPercent?: number;
  /** CPU time of all PostgreSQL processes per answered request, and how busy the whole machine was (100% = every core). */
  postgresCpuMsPerRequest?: number;
  machineBusyPercent?: number;
};

type Instance = PromiseLike<AutocannonResult> & { stop: () => void };
const start = (options: Record<string, unknown>) => autocannon(options) as Instance;
const run = (options: Record<string, unknown>) => Promise.resolve(start(options));

function statusCodes(result: AutocannonResult): Record<string, number> {
  return Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
}

/** GET one URL from `connections` clients for `seconds`. */
export async function measureGet(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const result = await run({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    headers: options.headers ?? {},
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: statusCodes(result),
  };
}

/** An answer to a registration: the status, and for 201 the address it names (it says nothing of seats: the mail does). */
export type BurstAnswer = { status: number; email?: string };

/**
 * `attempts` registrations from `connections` clients, each with a new email address, for the seated
 * session, cut short after `maxSeconds` (capped: true) to keep the run bounded. The rate counts from
 * the first request to the last answer (autocannon's own duration is rounded up to its 1 s tick).
 */
export async function registrationBurst(
  baseUrl: string,
  seated: SeatedSession,
  options: { connections: number; attempts: number; tag: string; maxSeconds: number },
) {
  let sent = 0;
  const answers: BurstAnswer[] = [];
  let lastAnswerAt = 0;
  const started = performance.now();
  const instance = start({
    url: baseUrl,
    connections: options.connections,
    amount: options.attempts,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/events/${seated.eventSlug}/registrations`,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          body: JSON.stringify(seatedRegistration(seated, sent++, options.tag)),
        }),
        onResponse: (status: number, body: string) => {
          lastAnswerAt = performance.now();
          let email: string | undefined;
          if (status === 201) {
            try {
              email = (JSON.parse(body) as { email: string }).email;
            } catch {
              email = undefined;
            }
          }
          answers.push({ status, email });
        },
      },
    ],
  });
  let capped = false;
  const cap = setTimeout(() => {
    capped = true;
    instance.stop();
  }, options.maxSeconds * 1000);
  const result = await Promise.resolve(instance).finally(() => clearTimeout(cap));
  const seconds = (lastAnswerAt - started) / 1000;
  const load: LoadResult = {
    requests: result.requests.total,
    perSecond: answers.length / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: statusCodes(result),
  };
  return { load, answers, sent, seconds, capped };
}
