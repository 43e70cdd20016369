// HTTP load with autocannon: a fixed-size burst of unique registrations, and timed GET runs.
import http from 'node:http';
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

/**
 * Servers answering the same bytes, measured in turns (a, b, a, b, …) of `seconds` each, so a drift
 * in the machine's load between two runs falls on all of them: a ratio of two runs measured a minute
 * apart moved by a tenth or more on this machine. Per server: requests/s over all its turns, p50 the
 * mean of the turns' p50s, p99 and max the highest of its turns.
 */
export async function measureGetInTurns<Side extends string>(
  urls: Record<Side, string>,
  options: { connections: number; seconds: number; turns: number; headers?: Record<string, string> },
): Promise<Record<Side, LoadResult>> {
  const sides = Object.keys(urls) as Side[];
  const runs = new Map<Side, LoadResult[]>(sides.map((side) => [side, []]));
  for (let turn = 0; turn < options.turns; turn++) {
    for (const side of sides) runs.get(side)!.push(await measureGet(urls[side], options));
  }
  const combine = (list: LoadResult[]): LoadResult => ({
    requests: list.reduce((sum, r) => sum + r.requests, 0),
    perSecond: list.reduce((sum, r) => sum + r.perSecond, 0) / list.length,
    p50Ms: list.reduce((sum, r) => sum + r.p50Ms, 0) / list.length,
    p99Ms: Math.max(...list.map((r) => r.p99Ms)),
    maxMs: Math.max(...list.map((r) => r.maxMs)),
    errors: list.reduce((sum, r) => sum + r.errors, 0),
    timeouts: list.reduce((sum, r) => sum + r.timeouts, 0),
    statusCodes: list.reduce<Record<string, number>>((codes, r) => {
      for (const [code, count] of Object.entries(r.statusCodes)) codes[code] = (codes[code] ?? 0) + count;
      return codes;
    }, {}),
  });
  return Object.fromEntries(sides.map((side) => [side, combine(runs.get(side)!)])) as Record<Side, LoadResult>;
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

/**
 * Open-loop registrations: new ones sent at a fixed arrival rate for `seconds`, each at its scheduled
 * time whether or not earlier ones were answered (node:http with a keep-alive agent of up to
 * `connections` sockets; a request waiting for a free socket counts that wait). Latency runs from
 * the scheduled arrival to the last byte of the answer, so it is what an arrival at that rate meets,
 * not Little's law restated as with a closed loop. (autocannon's `overallRate` sends each second's
 * share at once at the top of the second, a burst per second, so it is not used here.)
 */
export async function openLoopRegistrations(
  baseUrl: string,
  seated: SeatedSession,
  options: { rate: number; seconds: number; connections: number; tag: string },
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(`/api/v1/events/${seated.eventSlug}/registrations`, baseUrl);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const started = performance.now();
  const send = (i: number, scheduled: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify(seatedRegistration(seated, i, options.tag));
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: 30_000,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - scheduled);
            statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.end(body);
    });
  const inFlight: Promise<void>[] = [];
  let lastSentAt = started;
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    lastSentAt = performance.now();
    inFlight.push(send(i, scheduled));
  }
  const sendSeconds = (lastSentAt - started) / 1000;
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN);
  return {
    targetPerSecond: Math.round(options.rate),
    sentPerSecond: Math.round((total / Math.max(sendSeconds, 1e-3)) * 10) / 10,
    seconds: options.seconds,
    connections: options.connections,
    requests: latencies.length,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: Math.round(sorted.at(-1) ?? Number.NaN),
    errors,
    timeouts: 0,
    statusCodes: statuses,
  };
}
