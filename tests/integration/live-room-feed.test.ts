// A room's streams on one instance share their reads (lib/live/room-feed.ts): however many streams are
// open, a notification costs one read of the room's events, and each stream still gets every event
// once, in order, from where it started (a reconnect resuming after an older id included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEvents, liveRooms } from '@/db/schema';
import type { Db } from '@/db/types';
import { closeNotifyHub } from '@/lib/database/notify-hub';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import type { LiveViewer } from '@/lib/live/access';
import { lastEventId } from '@/lib/live/events';
import { askQuestion, setQuestionsOpen } from '@/lib/live/questions';
import { liveEventStream } from '@/lib/live/stream';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
let panel: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  panel = await sessionBySlug(t.db, 'panel-innovation-corridor');
});
afterAll(async () => {
  await closeNotifyHub();
  await t?.close();
});

/** The database, counting the queries that read `table`. */
function countingReads(db: Db, table: unknown = liveEvents): { db: Db; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      if (key !== 'select') return value.bind(target);
      return (...args: unknown[]) => {
        const builder = value.apply(target, args) as object;
        return new Proxy(builder, {
          get(inner, name) {
            const member = Reflect.get(inner, name, inner) as unknown;
            if (typeof member !== 'function') return member;
            if (name !== 'from') return member.bind(inner);
            return (from: unknown, ...rest: unknown[]) => {
              if (from === table) reads++;
              return member.call(inner, from, ...rest);
            };
          },
        });
      };
    },
  });
  return { db: counted, reads: () => reads };
}

/** Reads a stream's events (their ids) until `count` arrived or the time runs out, then cancels it. */
async function eventIds(stream: ReadableStream<Uint8Array>, count: number, timeoutMs = 8000): Promise<number[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const ids: number[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (ids.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const id = /^id: (\d+)$/m.exec(buffer.slice(0, end));
      if (id) ids.push(Number(id[1]));
      buffer = buffer.slice(end + 2);
    }
  }
  await reader.cancel();
  return ids;
}

describe(`live room feed (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('40 open streams cost one read of the room per notification; each gets every event once, in order, from where it started', async () => {
    const registration = await registerAttendee(
      t.db,
      EVENT,
      person('feed-asker', { mode: 'online', venue: undefined, sessions: [panel] }),
      {
        now: new Date('2026-12-01T00:00:00Z'),
      },
    );
    if (!registration.ok) throw new Error(JSON.stringify(registration));
    const asker = registration.registration.id;
    const organiser = await actorFor(t.db, 'feed-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const viewer: LiveViewer = { kind: 'moderator', subjectId: organiser.userId, sessionId: panel };
    // Two events before the streams open: the late joiners resume before them.
    for (const body of ['Earlier one?', 'Earlier two?']) expect((await askQuestion(t.db, asker, panel, { body })).ok).toBe(true);
    const start = await lastEventId(t.db, panel);
    const counting = countingReads(t.db);

    const streams = Array.from({ length: 40 }, () => liveEventStream(counting.db, viewer, start));
    const behind = [liveEventStream(counting.db, viewer, start - 2), liveEventStream(counting.db, viewer, start - 1)];
    const reading = [...streams, ...behind].map((stream, i) => eventIds(stream, i < 40 ? 3 : 3 + (i === 40 ? 2 : 1)));
    // Let every stream make its first read (one for the 40 at `start`, one for each stream behind),
    // then count only what the notifications cost.
    for (let waited = 0; counting.reads() < 3 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(counting.reads()).toBe(3);
    const readsBefore = counting.reads();
    for (const body of ['First?', 'Second?', 'Third?']) {
      expect((await askQuestion(t.db, asker, panel, { body })).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const seen = await Promise.all(reading);

    const fresh = [start + 1, start + 2, start + 3];
    for (const ids of seen.slice(0, 40)) expect(ids).toEqual(fresh);
    expect(seen[40]).toEqual([start - 1, start, ...fresh]);
    expect(seen[41]).toEqual([start, ...fresh]);
    // Three notifications: a read each (a second one when a notification lands mid-read), not 42 each.
    const notificationReads = counting.reads() - readsBefore;
    expect(notificationReads).toBeGreaterThanOrEqual(3);
    expect(notificationReads).toBeLessThanOrEqual(6);
  });

  it('a change of the room (questions closed) is read once for all 30 streams that render it', async () => {
    const organiser = await actorFor(t.db, 'feed-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const viewer: LiveViewer = { kind: 'moderator', subjectId: organiser.userId, sessionId: panel };
    const start = await lastEventId(t.db, panel);
    const counting = countingReads(t.db, liveRooms);
    const reading = Array.from({ length: 30 }, () => eventIds(liveEventStream(counting.db, viewer, start), 1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await setQuestionsOpen(t.db, organiser, panel, false)).ok).toBe(true);
    for (const ids of await Promise.all(reading)) expect(ids).toEqual([start + 1]);
    expect(counting.reads()).toBe(1);
  });
});
