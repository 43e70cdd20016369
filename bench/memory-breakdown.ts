// `node --import tsx bench/memory-breakdown.ts [--backend pglite]`: where the production server's
// resident memory goes, on a fresh database with the demo forum: idle, then after the warm-up and a
// few hundred registrations and reads. Reads /metrics (prom-client's process and V8 figures) and
// prints RSS split into the V8 heap, memory outside it that V8 knows of (buffers), and the rest
// (machine code, native libraries and, on PGlite, its WebAssembly memory).
import { parseArgs } from 'node:util';
import { seedDemoForum } from '@/lib/demo/seed';
import { createAppDatabase, startAppServer, type Backend } from '../tests/helpers/app-process';
import { addSeatedSession, seatedRegistration } from '../tests/helpers/seated-session';

const { values: args } = parseArgs({
  options: { backend: { type: 'string', default: 'pglite' }, registrations: { type: 'string', default: '300' } },
});
const EVENT = 'china-asean-tech-forum';
const MB = 1024 * 1024;

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

async function breakdown(url: string) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const rss = metric(text, 'process_resident_memory_bytes');
  const heap = metric(text, 'nodejs_heap_size_total_bytes');
  const heapUsed = metric(text, 'nodejs_heap_size_used_bytes');
  const external = metric(text, 'nodejs_external_memory_bytes');
  return {
    rssMb: Math.round(rss / MB),
    v8HeapTotalMb: Math.round(heap / MB),
    v8HeapUsedMb: Math.round(heapUsed / MB),
    externalMb: Math.round(external / MB),
    restMb: Math.round((rss - heap - external) / MB),
  };
}

async function main() {
  const backend = args.backend as Backend;
  const database = await createAppDatabase(backend, {
    tag: 'memory',
    adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  const opened = await database.open({ maxConnections: 2 });
  await seedDemoForum(opened.db, { slug: EVENT });
  const seated = await addSeatedSession(opened.db, { eventSlug: EVENT, venueSlug: 'memory-hall', sessionSlug: 'memory', capacity: 100 });
  await opened.close();
  const server = await startAppServer({
    port: Number(process.env.BENCH_PORT ?? 3430),
    database,
    env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '10000000' },
  });
  try {
    const idle = await breakdown(server.url);
    for (let i = 0; i < Number(args.registrations); i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          fetch(`${server.url}/api/v1/events/${EVENT}/registrations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(seatedRegistration(seated, i + k, 'memory')),
          }).then((r) => r.arrayBuffer()),
        ),
      );
      await Promise.all(
        [`/events/${EVENT}/agenda`, `/api/v1/events/${EVENT}/sessions`, `/events/${EVENT}/register`].map((p) =>
          fetch(`${server.url}${p}`).then((r) => r.arrayBuffer()),
        ),
      );
    }
    const loaded = await breakdown(server.url);
    console.log(JSON.stringify({ backend, idle, loaded, peakRssMb: Math.round((server.peakRssKb() ?? 0) / 1024) }, null, 1));
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
