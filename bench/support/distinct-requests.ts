// A storm of distinct GETs with autocannon: request i goes to path(i), each exactly once, from
// `connections` clients, cut after `capSeconds`. Every answer is kept with when its request was
// sent and when the answer came, so a bench can check each one against what happened meanwhile
// (a cancellation that committed between the two). Times are performance.now() in this process.
import { performance } from 'node:perf_hooks';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';
import { machineBusyShare, machineCpuMs, postgresCpuMs } from './machine-cpu';
import { percentile, round } from './stats';

export type DistinctAnswer = { i: number; status: number; sentAt: number; answeredAt: number; body: string; location?: string };

export type StormResult = {
  requests: number;
  answered: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  capped: boolean;
  statusCodes: Record<string, number>;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  machineBusyPercent: number;
};

type Context = { i?: number; sentAt?: number };

export async function distinctGetStorm(options: {
  baseUrl: string;
  count: number;
  connections: number;
  capSeconds: number;
  path: (i: number) => string;
  headers?: Record<string, string>;
  serverCpuMs: () => number | null;
  /** Keep only what a check needs of each body (bodies can be large). */
  keep?: (body: string) => string;
}): Promise<{ result: StormResult; answers: DistinctAnswer[] }> {
  let next = 0;
  const answers: DistinctAnswer[] = [];
  const keep = options.keep ?? ((body: string) => body);
  const [cpu0, pg0, machine0] = [options.serverCpuMs() ?? 0, postgresCpuMs(), machineCpuMs()];
  const started = performance.now();
  let lastAnswerAt = started;
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    amount: options.count,
    timeout: 60,
    headers: options.headers ?? {},
    requests: [
      {
        method: 'GET',
        setupRequest: (request: Record<string, unknown>, context: Context) => {
          const i = next++;
          context.i = i;
          context.sentAt = performance.now();
          return { ...request, path: options.path(i % options.count) };
        },
        onResponse: (status: number, body: string, context: Context, headers: Record<string, string>) => {
          lastAnswerAt = performance.now();
          if (context.i === undefined || context.i >= options.count) return;
          answers.push({
            i: context.i,
            status,
            sentAt: context.sentAt!,
            answeredAt: lastAnswerAt,
            body: keep(body),
            // Header names as the server wrote them: HTTP does not care for their case.
            location: Object.entries(headers).find(([name]) => name.toLowerCase() === 'location')?.[1],
          });
        },
      },
    ],
  }) as PromiseLike<{ errors: number; timeouts: number; requests: { total: number } }> & { stop: () => void };
  let capped = false;
  const cap = setTimeout(() => {
    capped = true;
    instance.stop();
  }, options.capSeconds * 1000);
  const run = await Promise.resolve(instance).finally(() => clearTimeout(cap));
  const [cpu, pg, machine1] = [(options.serverCpuMs() ?? 0) - cpu0, postgresCpuMs() - pg0, machineCpuMs()];
  const seconds = (lastAnswerAt - started) / 1000;
  const latencies = answers.map((a) => a.answeredAt - a.sentAt);
  const statusCodes: Record<string, number> = {};
  for (const a of answers) statusCodes[a.status] = (statusCodes[a.status] ?? 0) + 1;
  return {
    answers,
    result: {
      requests: run.requests.total,
      answered: answers.length,
      seconds: round(seconds, 1),
      perSecond: round(answers.length / seconds, 1),
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(Math.max(...latencies)),
      errors: run.errors,
      timeouts: run.timeouts,
      capped,
      statusCodes,
      serverCpuMsPerRequest: round(cpu / Math.max(1, answers.length), 2),
      postgresCpuMsPerRequest: round(pg / Math.max(1, answers.length), 2),
      machineBusyPercent: Math.round(machineBusyShare(machine0, machine1) * 100),
    },
  };
}
