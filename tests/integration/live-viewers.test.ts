// Who is watching: each app instance counts the attendees connected to each session's live room and
// writes its counts under its own id; the organiser's dashboard adds up every instance's fresh rows.
// Two trackers with their own ids on one database stand for two instances (as in production, they
// share nothing but PostgreSQL); a row an instance stopped refreshing (it died) stops counting.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as eventsRoute } from '@/app/api/v1/live/[token]/events/route';
import { events, liveViewers } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import { closeNotifyHub } from '@/lib/database/notify-hub';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { liveToken } from '@/lib/live/access';
import { liveViewerCounts, PRESENCE_STALE_MS, PresenceTracker, presence } from '@/lib/live/presence';
import { eventLiveViewers } from '@/lib/live/viewer-dashboard';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
let panel: string;
let keynote: string;
let eventId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  panel = await sessionBySlug(t.db, 'panel-innovation-corridor');
  keynote = await sessionBySlug(t.db, 'keynote-ai-public-health');
  eventId = (await t.db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT)))[0]!.id;
});
afterAll(async () => {
  await closeNotifyHub();
  await t?.close();
});

const counts = async () => Object.fromEntries((await liveViewerCounts(t.db, eventId)).map((c) => [c.sessionId, c.viewers]));

describe(`live viewers (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('adds up the viewers every instance reports, follows people leaving, and drops an instance that stopped reporting', async () => {
    const nanning = new PresenceTracker(t.db, 'instance-a');
    const bangkok = new PresenceTracker(t.db, 'instance-b');
    const a1 = nanning.join(panel);
    nanning.join(panel);
    nanning.join(keynote);
    bangkok.join(panel);
    await Promise.all([nanning.flush(), bangkok.flush()]);
    expect(await counts()).toEqual({ [panel]: 3, [keynote]: 1 });

    a1();
    a1(); // leaving twice counts once
    await nanning.flush();
    expect(await counts()).toEqual({ [panel]: 2, [keynote]: 1 });

    // Instance b dies: its row is no longer refreshed and stops counting once stale.
    await t.db
      .update(liveViewers)
      .set({ seenAt: sql`now() - make_interval(secs => ${PRESENCE_STALE_MS / 1000 + 1})` })
      .where(eq(liveViewers.instanceId, 'instance-b'));
    expect(await counts()).toEqual({ [panel]: 1, [keynote]: 1 });

    // A clean stop removes the instance's rows at once.
    await nanning.stop();
    expect(await counts()).toEqual({});
    expect(await t.db.select().from(liveViewers).where(eq(liveViewers.instanceId, 'instance-a'))).toEqual([]);
    await bangkok.stop();
  });

  it('an attendee’s open event stream counts while it is open; a moderator’s does not', async () => {
    const result = await registerAttendee(t.db, EVENT, person('viewer-stream', { mode: 'online', venue: undefined, sessions: [panel] }), {
      now: new Date('2026-12-01T00:00:00Z'),
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const open = (token: string) => {
      const controller = new AbortController();
      const response = eventsRoute(new Request(`http://localhost/api/v1/live/${token}/events`, { signal: controller.signal }), {
        params: Promise.resolve({ token }),
      });
      return { response, abort: () => controller.abort() };
    };
    const organiser = await actorFor(t.db, 'viewers-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const attendee = open(liveToken({ kind: 'attendee', subjectId: result.registration.id, sessionId: panel }));
    const moderator = open(liveToken({ kind: 'moderator', subjectId: organiser.userId, sessionId: panel }));
    expect((await attendee.response).status).toBe(200);
    expect((await moderator.response).status).toBe(200);
    await presence(t.db).flush();
    expect(await counts()).toEqual({ [panel]: 1 });
    expect(await eventLiveViewers(t.db, organiser, EVENT)).toEqual([
      { sessionId: panel, title: expect.objectContaining({ en: expect.any(String) }), viewers: 1 },
    ]);

    attendee.abort();
    moderator.abort();
    await presence(t.db).flush();
    expect(await counts()).toEqual({});
  });

  it('only the event’s organisers and viewers read the counts', async () => {
    const speaker = await actorFor(t.db, 'viewers-speaker@example.org', { eventSlug: EVENT, role: 'speaker' });
    await expect(eventLiveViewers(t.db, speaker, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(eventLiveViewers(t.db, null, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    const viewer = await actorFor(t.db, 'viewers-viewer@example.org', { eventSlug: EVENT, role: 'viewer' });
    expect(await eventLiveViewers(t.db, viewer, EVENT)).toEqual([]);
  });
});
