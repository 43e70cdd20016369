// `BACKEND=pglite N=1500 npx tsx bench/burst-fairness.ts` (or GET_PATH=/api/health for reads): 200
// keep-alive connections registering in a loop against the production server, with every latency
// kept, to see which requests wait longest (autocannon reports only the distribution). On PGlite the
// first requests of the last connections to open wait for the whole burst; see README, Performance.
import http from 'node:http';
import { seedDemoForum } from '@/lib/demo/seed';
import { createAppDatabase, startAppServer } from '../tests/helpers/app-process';
import { addSeatedSession, seatedRegistration } from '../tests/helpers/seated-session';

async function main() {
  const database = await createAppDatabase((process.env.BACKEND ?? 'pglite') as 'pglite', { tag: 'tail' });
  const opened = await database.open();
  await seedDemoForum(opened.db, { slug: 'china-asean-tech-forum' });
  const seated = await addSeatedSession(opened.db, {
    eventSlug: 'china-asean-tech-forum',
    venueSlug: 't-hall',
    sessionSlug: 't',
    capacity: 500,
  });
  await opened.close();
  const server = await startAppServer({ port: 3558, database, env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '10000000' } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
  // When each client socket connected: all at once, so a late answer is the server's doing.
  const connectTimes: number[] = [];
  const createConnection = agent.createConnection.bind(agent);
  (agent as unknown as { createConnection: typeof createConnection }).createConnection = ((options: never, callback: never) => {
    const socket = createConnection(options, callback) as import('node:net').Socket;
    socket.once('connect', () => connectTimes.push(Math.round(performance.now() - t0)));
    return socket;
  }) as typeof createConnection;
  let n = 0;
  const total = Number(process.env.N ?? 1500);
  const t0 = performance.now();
  const lat: { conn: number; sent: number; ms: number }[] = [];
  const readPath = process.env.GET_PATH;
  /** One registration, or one GET of GET_PATH when it is set. */
  const send = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const request = readPath
        ? http.request(`${server.url}${readPath}`, { agent })
        : http.request(`${server.url}/api/v1/events/china-asean-tech-forum/registrations`, {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve());
      });
      request.on('error', reject);
      request.end(readPath ? undefined : body);
    });
  await Promise.all(
    Array.from({ length: 200 }, async (_, conn) => {
      while (n < total) {
        const body = JSON.stringify(seatedRegistration(seated, n++, 'tail'));
        const sent = performance.now();
        await send(body);
        lat.push({ conn, sent: sent - t0, ms: performance.now() - sent });
      }
    }),
  );
  const sorted = lat.map((l) => l.ms).sort((a, b) => a - b);
  console.log(
    'n',
    lat.length,
    'rate',
    Math.round(lat.length / ((performance.now() - t0) / 1000)),
    'p50',
    Math.round(sorted[Math.floor(sorted.length / 2)]!),
    'p99',
    Math.round(sorted[Math.floor(sorted.length * 0.99)]!),
    'max',
    Math.round(sorted.at(-1)!),
  );
  console.log('client connects (ms):', connectTimes.length, 'first', connectTimes[0], 'last', connectTimes.at(-1));
  const top = [...lat].sort((a, b) => b.ms - a.ms).slice(0, 12);
  console.log(
    'slowest (conn@sent s: latency s):',
    top.map((r) => `${r.conn}@${(r.sent / 1000).toFixed(1)}:${(r.ms / 1000).toFixed(1)}`).join(' '),
  );
  await server.stop();
  await database.drop();
}
main().catch((e) => (console.error(e), process.exit(1)));
