// The production server answers a live room's event stream itself (lib/live/events-node.ts), not
// through Next.js: the same answers as the route (headers, refusals, events from Last-Event-ID on),
// and a stop ends the stream at once so the browser reconnects elsewhere.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoForum } from '@/lib/demo/seed';
import { liveToken } from '@/lib/live/access';
import { lastEventId } from '@/lib/live/events';
import { askQuestion } from '@/lib/live/questions';
import { registerAttendee } from '@/lib/registration/register';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

const backend = usingPostgres ? 'postgres' : 'pglite';

/** Opens the stream and collects the ids of the events it sends. */
function readStream(url: string, lastEventId?: number) {
  const ids: number[] = [];
  let headers: http.IncomingHttpHeaders = {};
  let status = 0;
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  let waiting: { count: number; resolve: () => void } | null = null;
  const request = http.get(url, { headers: lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) } }, (response) => {
    status = response.statusCode ?? 0;
    headers = response.headers;
    response.setEncoding('utf8');
    let buffer = '';
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const id = /^id: (\d+)$/m.exec(buffer.slice(0, end));
        if (id) ids.push(Number(id[1]));
        buffer = buffer.slice(end + 2);
      }
      if (waiting && ids.length >= waiting.count) waiting.resolve();
    });
    response.on('close', resolveEnded);
  });
  request.on('error', resolveEnded);
  return {
    ids,
    status: () => status,
    headers: () => headers,
    ended,
    events: (count: number) =>
      new Promise<void>((resolve) => {
        if (ids.length >= count) resolve();
        else waiting = { count, resolve };
      }),
    destroy: () => request.destroy(),
  };
}

describe.skipIf(!hasProductionBuild())(`live event stream, production server (${backend})`, () => {
  let database: AppDatabase;
  let server: AppServer;
  let token: string;
  let firstEvent: number;

  beforeAll(async () => {
    database = await createAppDatabase(backend, { tag: 'livestream' });
    // Tokens are signed here with the server's secret.
    Object.assign(process.env, database.env);
    const opened = await database.open();
    try {
      await seedDemoForum(opened.db, { slug: EVENT });
      const panel = await sessionBySlug(opened.db, 'panel-innovation-corridor');
      const registered = await registerAttendee(
        opened.db,
        EVENT,
        person('stream-reader', { mode: 'online', venue: undefined, sessions: [panel] }),
      );
      if (!registered.ok) throw new Error(JSON.stringify(registered));
      firstEvent = (await lastEventId(opened.db, panel)) + 1;
      for (const body of ['One?', 'Two?', 'Three?']) {
        const asked = await askQuestion(opened.db, registered.registration.id, panel, { body });
        if (!asked.ok) throw new Error(JSON.stringify(asked));
      }
      token = liveToken({ kind: 'attendee', subjectId: registered.registration.id, sessionId: panel });
    } finally {
      await opened.close();
    }
    server = await startAppServer({ port: await freePort(), database, env: { MAIL_WORKER: 'off' } });
  }, 240_000);

  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
  });

  it('sends the room’s events after Last-Event-ID, once each, with the API’s headers; refuses a forged token', async () => {
    const all = readStream(`${server.url}/api/v1/live/${token}/events`);
    await all.events(3);
    all.destroy();
    expect(all.status()).toBe(200);
    expect(all.headers()).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    expect(all.ids).toEqual([firstEvent, firstEvent + 1, firstEvent + 2]);
    const resumed = readStream(`${server.url}/api/v1/live/${token}/events`, all.ids[0]);
    await resumed.events(2);
    resumed.destroy();
    expect(resumed.ids).toEqual(all.ids.slice(1));

    const forged = await fetch(`${server.url}/api/v1/live/${token.slice(0, -2)}xx/events`);
    expect(forged.status).toBe(403);
    expect(forged.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a stop ends an open stream at once, and the server exits', async () => {
    const open = readStream(`${server.url}/api/v1/live/${token}/events`);
    await open.events(3);
    const started = Date.now();
    await server.stop();
    await open.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await server.exited).toBe(0);
  });
});
