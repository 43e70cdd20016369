// The results file's shape and the markdown table printed at the end (pasted into the README).
import type { LoadResult } from './load';
import type { PgbenchResult } from './pgbench';

export type BackendResults = {
  registration: LoadResult & {
    attempts: number;
    answered: number;
    capped: boolean;
    connections: number;
    seconds: number;
    checks: Record<string, unknown> & { ok: boolean };
  };
  /** Uncompressed, gzip (as browsers ask), and through Next.js's page cache without the server's fast path. */
  agenda: LoadResult;
  agendaGzip?: LoadResult;
  /** The same bytes from a bare node:http server, measured in turns with agendaGzip. */
  agendaGzipStatic?: LoadResult;
  /** That copy again, sending the app's own response headers. */
  agendaGzipStaticWithHeaders?: LoadResult;
  agendaNext?: LoadResult;
  sessions: LoadResult;
  health: LoadResult;
  registrationLimit: { kind: 'pgbench' | 'pglite-in-process'; best: PgbenchResult; runs: PgbenchResult[] };
  /** Registrations at a fixed arrival rate (half the burst's), latency as an arrival meets it. */
  openLoop?: Awaited<ReturnType<typeof import('./load').openLoopRegistrations>> & { load?: LoadResult };
  memory: { idleRssMb: number; burstRssMb: number; openLoopRssMb?: number; readRssMb: number; peakRssMb: number };
  outboxDrain?: OutboxDrain;
};

export type OutboxDrain = Awaited<ReturnType<typeof import('./outbox-drain').drainOutbox>>;

export type FirstLoadJs = { page: string; scripts: number; gzipKb: number };

export type BenchResults = {
  startedAt: string;
  durationSeconds?: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  settings: {
    attempts: number;
    burstCapSeconds: number;
    seats: number;
    burstConnections: number;
    readConnections: number;
    readSeconds: number;
  };
  backends: Partial<Record<'postgres' | 'pglite', BackendResults>>;
  staticLimit?: {
    agenda: LoadResult;
    sessions: LoadResult;
    agendaBytes: number;
    agendaGzipBytes?: number;
    sessionsBytes: number;
  };
  firstLoadJs?: FirstLoadJs[];
  outboxDrain?: OutboxDrain;
};

const n = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : '–');
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–');
const ms = (value: number) => (value < 10 ? n(value, 1) : n(value));

export function summaryTable(results: BenchResults): string {
  const pg = results.backends.postgres;
  const lite = results.backends.pglite;
  const s = results.staticLimit;
  const cell = (r: BackendResults | undefined, f: (r: BackendResults) => string) => (r ? f(r) : '–');
  const checks = (r: BackendResults) => {
    const c = r.registration.checks as Record<string, number | boolean>;
    return `${c.ok ? '✅' : '❌'} ${r.registration.capped ? `cut at ${results.settings.burstCapSeconds} s after ${n(r.registration.answered)} answers: ` : ''}${n(c.confirmed as number)} confirmed, ${n(c.waitlisted as number)} waitlisted 1..N, ${n(c.mails as number)} mails, ${c.fivexx} 5xx`;
  };
  const limitOf = (r: BackendResults) => r.registrationLimit.best;
  const cpuRow = (r: BackendResults) =>
    [r.registration, r.agendaGzip, r.agenda, r.agendaNext, r.sessions, r.health]
      .map((l) => n(l?.serverCpuMsPerRequest ?? NaN, 2))
      .join(' · ');
  // PGlite runs inside the server: its database CPU is part of the server's.
  const burstCpu = (r: BackendResults) =>
    `${n(r.registration.serverCpuMsPerRequest ?? NaN, 2)} · ${r === pg ? n(r.registration.postgresCpuMsPerRequest ?? NaN, 2) : 'in the server'}; ${r.registration.machineBusyPercent ?? '–'}%`;
  const agendaCell = (load: LoadResult | undefined, limit: LoadResult | undefined) =>
    load ? `${n(load.perSecond)} (${pct(load.perSecond, limit?.perSecond ?? 0)} of static)` : '–';
  const agendaGzipCell = (r: BackendResults) =>
    `${agendaCell(r.agendaGzip, r.agendaGzipStatic)}${r.agendaGzip && r.agendaGzipStaticWithHeaders ? `; ${pct(r.agendaGzip.perSecond, r.agendaGzipStaticWithHeaders.perSecond)} of the copy with its headers (${n(r.agendaGzipStaticWithHeaders.perSecond)} req/s)` : ''}`;
  const openLoopCell = (r: BackendResults) =>
    r.openLoop
      ? `${ms(r.openLoop.p50Ms)} / ${ms(r.openLoop.p99Ms)} / ${ms(r.openLoop.maxMs)} at ${n(r.openLoop.sentPerSecond)}/s sent (target ${n(r.openLoop.targetPerSecond)}/s); codes ${Object.entries(
          r.openLoop.statusCodes,
        )
          .map(([code, count]) => `${code}×${count}`)
          .join(' ')}`
      : '–';
  const latency = (load: LoadResult | undefined) => (load ? `${ms(load.p50Ms)} / ${ms(load.p99Ms)}` : '–');
  const lines = [
    `| Measure (${results.machine.cpus} cores, ${results.settings.attempts.toLocaleString('en-US')} attempts / ${results.settings.burstConnections} connections; reads ${results.settings.readConnections} connections × ${results.settings.readSeconds} s) | PostgreSQL | PGlite | Limit, same run | Target |`,
    '|---|---|---|---|---|',
    `| Registrations/s, one ${results.settings.seats}-seat session | ${cell(pg, (r) => `${n(r.registration.perSecond)} (${pct(r.registration.perSecond, limitOf(r).perSecond)} of pgbench, ${pct(r.registration.perSecond, r.health.perSecond)} of the health floor)`)} | ${cell(lite, (r) => `${n(r.registration.perSecond)} (${pct(r.registration.perSecond, limitOf(r).perSecond)} of bare PGlite)`)} | ${[pg && `pgbench ${n(limitOf(pg).perSecond)} tx/s (${limitOf(pg).clients} clients)`, lite && `bare PGlite ${n(limitOf(lite).perSecond)} tx/s`].filter(Boolean).join('; ')} | PostgreSQL ≥ 100% of pgbench and ≥ 75% of the floor; PGlite ≥ 90% of bare |`,
    `| Registration latency p50 / p99 (ms), closed loop (${results.settings.burstConnections} clients) | ${cell(pg, (r) => `${ms(r.registration.p50Ms)} / ${ms(r.registration.p99Ms)}`)} | ${cell(lite, (r) => `${ms(r.registration.p50Ms)} / ${ms(r.registration.p99Ms)}`)} | ${[pg && `pgbench ${ms(limitOf(pg).p50Ms)} / ${ms(limitOf(pg).p99Ms)}`, lite && `bare PGlite ${ms(limitOf(lite).p50Ms)} / ${ms(limitOf(lite).p99Ms)}`].filter(Boolean).join('; ')} | (Little's law: clients / rate) |`,
    `| Registration latency p50 / p99 / max (ms), open loop at half the burst's rate for ${pg?.openLoop?.seconds ?? lite?.openLoop?.seconds ?? '–'} s | ${cell(pg, openLoopCell)} | ${cell(lite, openLoopCell)} | | p99 < 100 ms |`,
    `| Burst outcome | ${cell(pg, checks)} | ${cell(lite, checks)} | | exactly ${results.settings.seats} confirmed, rest waitlisted in order, 0 5xx |`,
    `| Agenda page req/s, gzip (as browsers ask), in turns with a static copy (and with that copy sending the app's headers) | ${cell(pg, agendaGzipCell)} | ${cell(lite, agendaGzipCell)} | static copy ${[pg?.agendaGzipStatic && `${n(pg.agendaGzipStatic.perSecond)} req/s beside PostgreSQL`, lite?.agendaGzipStatic && `${n(lite.agendaGzipStatic.perSecond)} beside PGlite`].filter(Boolean).join(', ') || '–'} (${s?.agendaGzipBytes ? n(s.agendaGzipBytes / 1024) : '–'} KB) | ≥ 90% of the static copy |`,
    `| Agenda page p50 / p99 (ms), gzip | ${cell(pg, (r) => latency(r.agendaGzip))} | ${cell(lite, (r) => latency(r.agendaGzip))} | ${[pg?.agendaGzipStatic && latency(pg.agendaGzipStatic), lite?.agendaGzipStatic && latency(lite.agendaGzipStatic)].filter(Boolean).join('; ') || '–'} | |`,
    `| Agenda page req/s, uncompressed | ${cell(pg, (r) => agendaCell(r.agenda, s?.agenda))} | ${cell(lite, (r) => agendaCell(r.agenda, s?.agenda))} | static copy ${s ? n(s.agenda.perSecond) : '–'} req/s (${s ? n(s.agendaBytes / 1024) : '–'} KB) | |`,
    `| Agenda page p50 / p99 (ms), uncompressed | ${cell(pg, (r) => latency(r.agenda))} | ${cell(lite, (r) => latency(r.agenda))} | ${latency(s?.agenda)} | |`,
    `| Agenda page req/s from Next.js's page cache, without the server's fast path (uncompressed) | ${cell(pg, (r) => (r.agendaNext ? n(r.agendaNext.perSecond) : '–'))} | ${cell(lite, (r) => (r.agendaNext ? n(r.agendaNext.perSecond) : '–'))} | | |`,
    `| Sessions JSON req/s | ${cell(pg, (r) => `${n(r.sessions.perSecond)} (${pct(r.sessions.perSecond, r.health.perSecond)} of the health floor, ${pct(r.sessions.perSecond, s?.sessions.perSecond ?? 0)} of static)`)} | ${cell(lite, (r) => `${n(r.sessions.perSecond)} (${pct(r.sessions.perSecond, r.health.perSecond)} of the health floor, ${pct(r.sessions.perSecond, s?.sessions.perSecond ?? 0)} of static)`)} | static copy ${s ? n(s.sessions.perSecond) : '–'} req/s (${s ? n(s.sessionsBytes / 1024) : '–'} KB) | ≥ 100% of the health floor |`,
    `| Sessions JSON p50 / p99 (ms) | ${cell(pg, (r) => `${ms(r.sessions.p50Ms)} / ${ms(r.sessions.p99Ms)}`)} | ${cell(lite, (r) => `${ms(r.sessions.p50Ms)} / ${ms(r.sessions.p99Ms)}`)} | ${s ? `${ms(s.sessions.p50Ms)} / ${ms(s.sessions.p99Ms)}` : '–'} | |`,
    `| Health route (\`select 1\`) req/s: the framework's floor per request | ${cell(pg, (r) => `${n(r.health.perSecond)}`)} | ${cell(lite, (r) => `${n(r.health.perSecond)}`)} | | |`,
    `| Server CPU per request (ms): registration · agenda gzip · uncompressed · via Next.js · sessions · health | ${cell(pg, cpuRow)} | ${cell(lite, cpuRow)} | | |`,
    `| Registration burst: CPU per registration (ms), server · PostgreSQL; whole machine busy | ${cell(pg, burstCpu)} | ${cell(lite, burstCpu)} | | |`,
    `| Server peak RSS (MB): idle → peak | ${cell(pg, (r) => `${r.memory.idleRssMb} → ${r.memory.peakRssMb}`)} | ${cell(lite, (r) => `${r.memory.idleRssMb} → ${r.memory.peakRssMb}`)} | | < 300 MB |`,
  ];
  if (results.firstLoadJs?.length) {
    lines.push(`| First-load JS, gzip (KB) | ${results.firstLoadJs.map((p) => `${p.page} ${n(p.gzipKb)}`).join('; ')} | | | ≤ 150 KB |`);
  }
  if (results.outboxDrain) {
    const d = results.outboxDrain;
    lines.push(
      `| Outbox drain, ${n(d.queued)} queued mails (${d.averageMailKb} KB each as rendered) → local smtp-server answering 421 to ${d.refusePercent ?? 0}% of first attempts, worker concurrency ${d.concurrency} | ${d.mailsPerSecond >= 300 && d.workerCpuMsPerMail <= 3 ? '✅' : '❌'} ${n(d.mailsPerSecond)} mails/s (${d.workerCpuMsPerMail} ms of worker CPU each${d.sinkCpuMsPerMail !== undefined ? `; the SMTP sink ${d.sinkCpuMsPerMail} ms, PostgreSQL ${d.postgresCpuMsPerMail} ms, machine ${Math.round((d.machineBusy ?? 0) * 100)}% busy` : ''}); ${d.ok ? '✅' : '❌'} ${n(d.distinct)} delivered, ${d.lost} lost, ${d.duplicates} twice, ${n(d.refused421 ?? 0)} refused with 421 and retried${d.stillQueued ? `, ${n(d.stillQueued)} still queued at the ${d.seconds} s cap` : ''} | | | ≥ 300 mails/s at ≤ 3 ms CPU each; none lost, none twice |`,
    );
  }
  lines.push(
    '',
    `Load average (1/5/15 min) at start ${results.machine.loadAverageAtStart.join(' / ')}, at end ${results.machine.loadAverageAtEnd?.join(' / ') ?? '–'}: the ${results.machine.cpus} cores are shared with other work, so absolute numbers move between runs; ratios to the same-run limits move less.`,
  );
  return lines.join('\n');
}
