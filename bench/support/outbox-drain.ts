// Outbox drain: N queued mails delivered by the app's mail worker (lib/mail-delivery/worker.ts) to a local
// SMTP server in another process, counted there by Message-ID: none lost, none twice.
import { fork } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { OpenDatabase } from '@/db/open';
import { smtpTransport } from '@/lib/mail/transport';
import { startMailWorker } from '@/lib/mail-delivery/worker';
import { rows } from '../../tests/helpers/registration';
import { machineBusyShare, machineCpuMs, postgresCpuMs, userAndSystemMs } from './machine-cpu';

type SinkReport = { delivered: number; distinct: number; duplicates: number; refused: number; ids: string[] };

async function startSink(refusePercent: number) {
  const child = fork(path.join(import.meta.dirname, 'smtp-sink.mjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, REFUSE_PERCENT: String(refusePercent) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`SMTP sink exited (${code})`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    cpuMs: () => {
      const { user, system } = userAndSystemMs(child.pid!);
      return user + system;
    },
    report: () =>
      new Promise<SinkReport>((resolve) => {
        child.once('message', (m) => resolve(m as SinkReport));
        child.send('report');
      }),
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.disconnect())),
  };
}

/**
 * Makes the outbox hold exactly `total` queued mails: tops it up with copies of the registration mails
 * already there (new id and Message-ID each), or leaves out what the rush queued beyond `total`, so
 * that a faster rush does not make a longer drain; then lets the worker deliver them all.
 */
export async function drainOutbox(
  opened: OpenDatabase,
  options: {
    total: number;
    concurrency: number;
    batchSize: number;
    maxSeconds: number;
    /** Share of messages whose first attempt the sink answers with 421 (retried after `retryAfterMs`). */
    refusePercent?: number;
    retryAfterMs?: number;
  },
) {
  const { db } = opened;
  const count = async (where = sql`true`) =>
    Number(rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from outbox where ${where}`))[0]!.n);
  const existing = await count();
  if (existing === 0) throw new Error('no mail in the outbox to copy');
  for (let missing = options.total - existing; missing > 0; missing = options.total - (await count())) {
    await db.execute(sql`
      insert into outbox (id, event_id, registration_id, kind, to_address, to_name, subject, html, text, template, payload, attachments, message_id)
      select g.id, o.event_id, o.registration_id, o.kind, o.to_address, o.to_name, o.subject, o.html, o.text, o.template, o.payload, o.attachments, '<' || g.id || '@hybrid-forum.local>'
      from (select id, row_number() over () as n from (select gen_random_uuid() as id from generate_series(1, least(${missing}::int, ${existing}::int))) x) g
      join (select o.*, row_number() over (order by id) as n from outbox o) o on o.n = g.n`);
  }
  await db.execute(sql`delete from outbox where id not in (select id from outbox order by id limit ${options.total}::int)`);
  await db.execute(sql`update outbox set status = 'queued', attempts = 0, next_attempt_at = now() - interval '1 second', locked_at = null`);
  const queued = await count(sql`status = 'queued'`);
  const expectedIds = new Set(rows<{ id: string }>(await db.execute(sql`select message_id as id from outbox`)).map((r) => r.id));
  const refusePercent = options.refusePercent ?? 0;
  const sink = await startSink(refusePercent);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const sinkBefore = sink.cpuMs();
  const postgresBefore = postgresCpuMs();
  const machineBefore = machineCpuMs();
  const worker = startMailWorker(db, smtpTransport(sink.url, { maxConnections: options.concurrency }), {
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    pollMs: 20,
    // The worker's own backoff starts at a minute; the bench retries sooner to stay bounded.
    backoff: () => options.retryAfterMs ?? 500,
    log: () => {},
  });
  let remaining = queued;
  while (remaining > 0 && performance.now() - started < options.maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    remaining = await count(sql`status <> 'sent'`);
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  const cpu = process.cpuUsage(cpuBefore);
  const sinkCpu = sink.cpuMs() - sinkBefore;
  const postgresCpu = postgresCpuMs() - postgresBefore;
  const machineAfter = machineCpuMs();
  const report = await sink.report();
  await sink.stop();
  const arrived = new Set(report.ids);
  // Mail still queued when the time cap stops the drain is late, not lost; lost is what never arrives.
  const missing = [...expectedIds].filter((id) => !arrived.has(id)).length;
  const stillQueued = remaining;
  const lost = Math.max(0, missing - stillQueued);
  const sent = await count(sql`status = 'sent'`);
  // As rendered and sent: the HTML, the text and the attachments (the QR ticket and invite, base64 or text).
  const [{ bytes } = { bytes: 0 }] = rows<{ bytes: number }>(
    await db.execute(
      sql`select avg(coalesce(length(html), 0) + coalesce(length(text), 0) + length(attachments::text))::int as bytes from outbox`,
    ),
  );
  // Where the mail not sent stands, with one error of each status: a drain that stalls says why.
  const unsent = rows<{ status: string; n: number; error: string | null }>(
    await db.execute(sql`select status, count(*)::int as n, min(last_error) as error from outbox where status <> 'sent' group by status`),
  );
  return {
    queued,
    averageMailKb: Math.round((Number(bytes) / 1024) * 10) / 10,
    concurrency: options.concurrency,
    batchSize: options.batchSize,
    seconds: Math.round(seconds * 10) / 10,
    mailsPerSecond: Math.round(report.distinct / seconds),
    /** CPU of this process (the worker: rendering, SMTP client, queries) per delivered mail. */
    workerCpuMsPerMail: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, report.distinct)) * 100) / 100,
    /** CPU per delivered mail of the SMTP sink (its own process) and of PostgreSQL (0 on PGlite, in the worker's process). */
    sinkCpuMsPerMail: Math.round((sinkCpu / Math.max(1, report.distinct)) * 100) / 100,
    postgresCpuMsPerMail: Math.round((postgresCpu / Math.max(1, report.distinct)) * 100) / 100,
    /** Share of the machine's cores busy during the drain (all processes). */
    machineBusy: Math.round(machineBusyShare(machineBefore, machineAfter) * 100) / 100,
    delivered: report.delivered,
    distinct: report.distinct,
    duplicates: report.duplicates,
    refusePercent,
    /** First attempts the sink answered with 421, each retried by the worker. */
    refused421: report.refused,
    lost,
    stillQueued,
    markedSent: sent,
    finished: remaining === 0,
    unsent,
    ok: remaining === 0 && lost === 0 && report.duplicates === 0 && report.delivered === queued && sent === queued,
  };
}
