import { STREAMS_PER_ATTENDEE } from '@/lib/live/stream-places';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as eventsRoute } from '@/app/api/v1/live/[token]/events/route';
import { resultRows } from '@/db/rows';
import { liveEvents, liveQuestions, liveQuestionVotes, livePollBallots, speakers } from '@/db/schema';
import { closeNotifyHub } from '@/lib/database/notify-hub';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { liveEntitlement, liveToken, readLiveToken } from '@/lib/live/access';
import { appendEvent, eventsAfter, lastEventId } from '@/lib/live/events';
import { closePoll, openPoll, roomPolls, votePoll } from '@/lib/live/polls';
import { askQuestion, moderateQuestion, roomQuestions, setQuestionsOpen, upvoteQuestion } from '@/lib/live/questions';
import { createStageLink, revokeStageLink, stageSession } from '@/lib/live/stage';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { runStoppingHooks } from '@/lib/server/shutdown';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
let panel: string;
let keynote: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  panel = await sessionBySlug(t.db, 'panel-innovation-corridor');
  keynote = await sessionBySlug(t.db, 'keynote-ai-public-health');
});
afterAll(async () => {
  await closeNotifyHub();
  await t?.close();
});

async function register(n: string, overrides: Record<string, unknown>) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now: new Date('2026-12-01T00:00:00Z') });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}
const online = (n: string, chosen = [panel]) => register(n, { mode: 'online', venue: undefined, sessions: chosen });
const bangkok = (n: string, chosen = [panel]) => register(n, { venue: 'bangkok', sessions: chosen });

async function approvedQuestion(asker: string, body: string) {
  const organiser = await actorFor(t.db, 'live-org@example.org', { eventSlug: EVENT, role: 'organiser' });
  const asked = await askQuestion(t.db, asker, panel, { body });
  if (!asked.ok) throw new Error(JSON.stringify(asked));
  await moderateQuestion(t.db, organiser, asked.id, 'approve');
  return asked.id;
}

/** Reads Server-Sent Events from a route response until `count` events with ids arrived (or the time runs out). */
async function readEvents(response: Response, count: number, timeoutMs = 5000) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { id: number; event: string; data: unknown }[] = [];
  const deadline = Date.now() + timeoutMs;
  while (events.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((line) => line && !line.startsWith(':'))
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
      );
      if (fields.id) events.push({ id: Number(fields.id), event: fields.event!, data: JSON.parse(fields.data!) });
    }
  }
  await reader.cancel();
  return events;
}

function openStream(token: string, lastEventId?: number) {
  const controller = new AbortController();
  const headers: Record<string, string> = lastEventId === undefined ? {} : { 'Last-Event-ID': String(lastEventId) };
  const response = eventsRoute(new Request(`http://localhost/api/v1/live/${token}/events`, { headers, signal: controller.signal }), {
    params: Promise.resolve({ token }),
  });
  return { response, abort: () => controller.abort() };
}

describe(`live room (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('only registrants entitled to the session take part: online who chose it, on-site who chose it, granted people; not others', async () => {
    const chose = await online('live-ent-online');
    const onsite = await bangkok('live-ent-bkk');
    const other = await online('live-ent-other', [keynote]);
    const onsiteOther = await bangkok('live-ent-bkk-other', []);
    expect((await liveEntitlement(t.db, chose, panel)).ok).toBe(true);
    expect((await liveEntitlement(t.db, onsite, panel)).ok).toBe(true);
    expect(await liveEntitlement(t.db, other, panel)).toEqual({ ok: false, reason: 'not-chosen' });
    expect(await liveEntitlement(t.db, onsiteOther, panel)).toEqual({ ok: false, reason: 'not-chosen' });
    expect(await askQuestion(t.db, other, panel, { body: 'May I?' })).toMatchObject({ ok: false, code: 'forbidden' });
    await cancelRegistration(t.db, chose);
    expect(await liveEntitlement(t.db, chose, panel)).toEqual({ ok: false, reason: 'cancelled' });
    expect(await askQuestion(t.db, chose, panel, { body: 'Still here?' })).toMatchObject({ ok: false, code: 'forbidden' });
    const stream = await eventsRoute(new Request('http://localhost/x'), {
      params: Promise.resolve({ token: liveToken({ kind: 'attendee', subjectId: chose, sessionId: panel }) }),
    });
    expect(stream.status).toBe(403);
  });

  it('a question is length-bounded, needs words, and one person is limited to 5 a minute (shared by every instance)', async () => {
    const asker = await online('live-limits');
    expect(await askQuestion(t.db, asker, panel, { body: 'x'.repeat(281) })).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { body: 'tooLong?max=280' },
    });
    expect(await askQuestion(t.db, asker, panel, { body: '   ' })).toMatchObject({ ok: false, code: 'invalid' });
    for (let i = 0; i < 5; i++) expect(await askQuestion(t.db, asker, panel, { body: `Question ${i}` })).toMatchObject({ ok: true });
    expect(await askQuestion(t.db, asker, panel, { body: 'One more' })).toMatchObject({ ok: false, code: 'rate-limited' });
    // The CHECK holds even for a write that skips the schema.
    await expect(t.db.insert(liveQuestions).values({ sessionId: panel, registrationId: asker, body: 'y'.repeat(281) })).rejects.toThrow();
  });

  it('an anonymous question hides its asker from other attendees and the stage display, never from the moderators', async () => {
    const asker = await online('live-anon');
    const reader = await bangkok('live-anon-reader');
    const organiser = await actorFor(t.db, 'live-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const asked = await askQuestion(t.db, asker, panel, { body: 'Who pays for the trials?', anonymous: true });
    if (!asked.ok) throw new Error('not asked');
    // Pending: the asker sees it, other attendees do not.
    expect((await roomQuestions(t.db, panel, { kind: 'attendee', registrationId: reader })).some((q) => q.id === asked.id)).toBe(false);
    expect((await roomQuestions(t.db, panel, { kind: 'attendee', registrationId: asker })).find((q) => q.id === asked.id)).toMatchObject({
      mine: true,
      status: 'pending',
    });
    await moderateQuestion(t.db, organiser, asked.id, 'approve');
    const seen = (await roomQuestions(t.db, panel, { kind: 'attendee', registrationId: reader })).find((q) => q.id === asked.id);
    expect(seen).toMatchObject({ author: null, anonymous: true });
    expect((await roomQuestions(t.db, panel, { kind: 'stage' })).find((q) => q.id === asked.id)?.author).toBeNull();
    expect((await roomQuestions(t.db, panel, { kind: 'moderator' })).find((q) => q.id === asked.id)?.author).toBe('Participant live-anon');
  });

  it('one upvote per registration, however many arrive at once; the database refuses a second row', async () => {
    const asker = await online('live-vote-asker');
    const voter = await bangkok('live-vote-voter');
    const id = await approvedQuestion(asker, 'How do regulators share trial data?');
    const results = await Promise.all(Array.from({ length: 10 }, () => upvoteQuestion(t.db, voter, id)));
    expect(results.filter((r) => r.ok && r.counted)).toHaveLength(1);
    const [row] = await t.db.select().from(liveQuestions).where(eq(liveQuestions.id, id));
    expect(row!.votes).toBe(1);
    await expect(t.db.insert(liveQuestionVotes).values({ questionId: id, registrationId: voter })).rejects.toThrow();
    const stranger = await online('live-vote-stranger', [keynote]);
    expect(await upvoteQuestion(t.db, stranger, id)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('moderators are the organisers and the session’s own moderator; anyone else is answered as if the question did not exist', async () => {
    const asker = await online('live-mod-asker');
    const asked = await askQuestion(t.db, asker, panel, { body: 'Can startups join?' });
    if (!asked.ok) throw new Error('not asked');
    const viewer = await actorFor(t.db, 'live-viewer@example.org', { eventSlug: EVENT, role: 'viewer' });
    const stranger = await actorFor(t.db, 'live-nobody@example.org');
    expect(await moderateQuestion(t.db, viewer, asked.id, 'approve')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await moderateQuestion(t.db, stranger, asked.id, 'highlight')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await moderateQuestion(t.db, null, asked.id, 'hide')).toMatchObject({ ok: false, code: 'not-found' });
    const maria = await actorFor(t.db, 'maria.live@example.org');
    await t.db.update(speakers).set({ userId: maria.userId }).where(eq(speakers.slug, 'maria-santos'));
    expect(await moderateQuestion(t.db, maria, asked.id, 'highlight')).toEqual({ ok: true });
    expect(await moderateQuestion(t.db, maria, asked.id, 'answer')).toEqual({ ok: true });
    // The moderator of another session is no moderator here.
    const park = await actorFor(t.db, 'park.live@example.org');
    await t.db.update(speakers).set({ userId: park.userId }).where(eq(speakers.slug, 'park-ji-hoon'));
    expect(await moderateQuestion(t.db, park, asked.id, 'hide')).toMatchObject({ ok: false, code: 'not-found' });
    const other = await askQuestion(t.db, asker, panel, { body: 'And universities?' });
    if (!other.ok) throw new Error('not asked');
    await moderateQuestion(t.db, maria, other.id, 'highlight');
    const highlighted = await t.db
      .select()
      .from(liveQuestions)
      .where(sql`${liveQuestions.sessionId} = ${panel} and ${liveQuestions.highlighted}`);
    expect(highlighted.map((q) => q.id)).toEqual([other.id]);
    await expect(t.db.update(liveQuestions).set({ highlighted: true }).where(eq(liveQuestions.id, asked.id))).rejects.toThrow();
    expect(await setQuestionsOpen(t.db, maria, panel, false)).toEqual({ ok: true });
    expect(await askQuestion(t.db, asker, panel, { body: 'Too late?' })).toMatchObject({ ok: false, code: 'conflict' });
    await setQuestionsOpen(t.db, maria, panel, true);
  });

  it('a poll takes one ballot per registration, enforced by the database, and counts multiple choices', async () => {
    const organiser = await actorFor(t.db, 'live-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const voters = await Promise.all([online('live-poll-1'), bangkok('live-poll-2'), online('live-poll-3')]);
    expect(await openPoll(t.db, organiser, panel, { question: 'Pick one', options: 'Only one' })).toMatchObject({
      ok: false,
      fields: { options: 'pollOptions' },
    });
    const single = await openPoll(t.db, organiser, panel, { question: 'Which market first?', options: 'Thailand\nViet Nam\nIndonesia' });
    if (!single.ok) throw new Error('no poll');
    const burst = await Promise.all(Array.from({ length: 8 }, () => votePoll(t.db, voters[0]!, single.id, { choices: [1] })));
    expect(burst.filter((r) => r.ok)).toHaveLength(1);
    expect(await votePoll(t.db, voters[1]!, single.id, { choices: [0, 1] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await votePoll(t.db, voters[1]!, single.id, { choices: [7] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await votePoll(t.db, voters[1]!, single.id, { choices: [0] })).toEqual({ ok: true });
    await expect(t.db.insert(livePollBallots).values({ pollId: single.id, registrationId: voters[1]!, choices: [2] })).rejects.toThrow();
    const multiple = await openPoll(t.db, organiser, panel, {
      question: 'Which topics?',
      options: 'Devices\nData\nFunding',
      multiple: true,
    });
    if (!multiple.ok) throw new Error('no poll');
    await votePoll(t.db, voters[0]!, multiple.id, { choices: [0, 2] });
    await votePoll(t.db, voters[2]!, multiple.id, { choices: [2] });
    await closePoll(t.db, organiser, multiple.id);
    expect(await votePoll(t.db, voters[1]!, multiple.id, { choices: [1] })).toMatchObject({ ok: false, code: 'conflict' });
    const polls = await roomPolls(t.db, panel, voters[0]!);
    expect(polls.find((p) => p.id === single.id)).toMatchObject({ counts: [1, 1, 0], ballots: 2, mine: [1] });
    expect(polls.find((p) => p.id === multiple.id)).toMatchObject({ counts: [1, 0, 2], ballots: 2, status: 'closed' });
  });

  it('the event stream resumes from Last-Event-ID after an instance restart: nothing lost, nothing twice', async () => {
    const asker = await online('live-sse-asker');
    const reader = await bangkok('live-sse-reader');
    const token = liveToken({ kind: 'attendee', subjectId: reader, sessionId: panel });
    expect(readLiveToken(token).ok).toBe(true);
    const start = await lastEventId(t.db, panel);
    const first = openStream(token, start);
    const before = [await approvedQuestion(asker, 'First question'), await approvedQuestion(asker, 'Second question')];
    const seen = await readEvents(await first.response, 4);
    first.abort();
    expect(seen.map((e) => e.id)).toEqual([start + 1, start + 2, start + 3, start + 4]);
    // The instance goes away (its listening connection with it); questions keep coming meanwhile.
    await closeNotifyHub();
    const during = [await approvedQuestion(asker, 'Third question'), await approvedQuestion(asker, 'Fourth question')];
    const resumed = openStream(token, seen.at(-1)!.id);
    const later = await readEvents(await resumed.response, 4);
    const after = await approvedQuestion(asker, 'Fifth question');
    const live = await readEvents(await openStream(token, later.at(-1)!.id).response, 2);
    resumed.abort();
    const all = [...seen, ...later, ...live];
    expect(all.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => start + 1 + i));
    const shown = new Set(all.map((e) => (e.data as { id: string }).id));
    expect([...before, ...during, after].every((id) => shown.has(id))).toBe(true);
  });

  it('one attendee holds at most five streams of a session on an instance: the sixth is refused (429) until one closes', async () => {
    const reader = await bangkok('live-many-tabs');
    const token = liveToken({ kind: 'attendee', subjectId: reader, sessionId: panel });
    const after = await lastEventId(t.db, panel);
    const streams = Array.from({ length: STREAMS_PER_ATTENDEE }, () => openStream(token, after));
    for (const stream of streams) expect((await stream.response).status).toBe(200);
    const refused = await openStream(token, after).response;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toEqual({ error: 'This live room is open in too many windows. Close one, then reload.' });
    // Another attendee, and the organisers' moderation screen, are not held back by this one.
    const other = openStream(liveToken({ kind: 'attendee', subjectId: await bangkok('live-one-tab'), sessionId: panel }), after);
    expect((await other.response).status).toBe(200);
    other.abort();
    // A closed window gives its place back.
    streams[0]!.abort();
    await expect
      .poll(async () => {
        const again = openStream(token, after);
        const status = (await again.response).status;
        again.abort();
        return status;
      })
      .toBe(200);
    for (const stream of streams) stream.abort();
  });

  it('a live notification reaches an open stream without a reconnect', async () => {
    const asker = await online('live-push-asker');
    const organiser = await actorFor(t.db, 'live-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const token = liveToken({ kind: 'moderator', subjectId: organiser.userId, sessionId: panel });
    const stream = openStream(token, await lastEventId(t.db, panel));
    const response = await stream.response;
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    setTimeout(() => void askQuestion(t.db, asker, panel, { body: 'Pushed?', anonymous: true }), 300);
    const [event] = await readEvents(response, 1, 3000);
    stream.abort();
    expect(event).toMatchObject({ event: 'question', data: { body: 'Pushed?', author: 'Participant live-push-asker', status: 'pending' } });
  });

  it('a stage link shows its session until revoked; a forged or revoked one opens nothing', async () => {
    const organiser = await actorFor(t.db, 'live-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const viewer = await actorFor(t.db, 'live-viewer@example.org', { eventSlug: EVENT, role: 'viewer' });
    expect(await createStageLink(t.db, viewer, panel, 'Bangkok screen')).toMatchObject({ ok: false, code: 'not-found' });
    const created = await createStageLink(t.db, organiser, panel, 'Bangkok screen');
    if (!created.ok) throw new Error('no link');
    const token = created.path.split('/').pop()!;
    const stage = await stageSession(t.db, token);
    expect(stage?.sessionId).toBe(panel);
    expect(await stageSession(t.db, `${token.slice(0, -2)}xx`)).toBeNull();
    const live = liveToken({ kind: 'stage', subjectId: stage!.linkId, sessionId: panel });
    await revokeStageLink(t.db, organiser, stage!.linkId);
    expect(await stageSession(t.db, token)).toBeNull();
    const refused = await eventsRoute(new Request('http://localhost/x'), { params: Promise.resolve({ token: live }) });
    expect(refused.status).toBe(403);
    const expired = liveToken({ kind: 'stage', subjectId: stage!.linkId, sessionId: panel }, new Date(Date.now() - 7 * 3600_000));
    expect((await eventsRoute(new Request('http://localhost/x'), { params: Promise.resolve({ token: expired }) })).status).toBe(410);
  });

  it.runIf(usingPostgres)(
    'event ids of a room commit in the order they are drawn (the room row lock); without it, a resumed reader loses an event',
    async () => {
      const waitFor = async (check: () => boolean) => {
        for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
      };
      let release!: () => void;
      const hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      let firstId = 0;
      const first = t.db.transaction(async (tx) => {
        firstId = await appendEvent(tx, panel, 'room', null);
        await hold;
      });
      await waitFor(() => firstId > 0);
      let secondDone = false;
      const second = t.db
        .transaction((tx) => appendEvent(tx, panel, 'room', null))
        .then((id) => {
          secondDone = true;
          return id;
        });
      await new Promise((r) => setTimeout(r, 300));
      // The second change waits for the first: no reader can see id N+1 while N is not committed.
      expect(secondDone).toBe(false);
      expect(await eventsAfter(t.db, panel, firstId - 1)).toEqual([]);
      release();
      await first;
      expect(await second).toBe(firstId + 1);
      expect((await eventsAfter(t.db, panel, firstId - 1)).map((e) => e.id)).toEqual([firstId, firstId + 1]);

      // Negative control: ids from a sequence, without the lock. The later id commits first, a reader
      // takes it as its last, and resuming after it never shows the earlier one.
      await t.db.execute(sql`create sequence if not exists live_control_seq start 1000000000`);
      let releaseA!: () => void;
      const holdA = new Promise<void>((resolve) => {
        releaseA = resolve;
      });
      let a = 0;
      const txA = t.db.transaction(async (tx) => {
        a = Number(resultRows<{ id: string }>(await tx.execute(sql`select nextval('live_control_seq') as id`))[0]!.id);
        await tx.insert(liveEvents).values({ sessionId: panel, id: a, kind: 'room' });
        await holdA;
      });
      await waitFor(() => a > 0);
      const b = await t.db.transaction(async (tx) => {
        const id = Number(resultRows<{ id: string }>(await tx.execute(sql`select nextval('live_control_seq') as id`))[0]!.id);
        await tx.insert(liveEvents).values({ sessionId: panel, id, kind: 'room' });
        return id;
      });
      const seen = (await eventsAfter(t.db, panel, a - 1)).map((e) => e.id);
      expect(seen).toEqual([b]);
      releaseA();
      await txA;
      expect((await eventsAfter(t.db, panel, b)).map((e) => e.id)).not.toContain(a);
      await t.db.delete(liveEvents).where(sql`${liveEvents.sessionId} = ${panel} and ${liveEvents.id} >= 1000000000`);
    },
  );
  it('an instance asked to stop ends its live streams at once (browsers reconnect elsewhere and resume), not after the grace period', async () => {
    const reader = await online('live-stop');
    const token = liveToken({ kind: 'attendee', subjectId: reader, sessionId: panel });
    const { response } = openStream(token);
    const body = (await response).body!.getReader();
    const ends = async (withinMs: number) => {
      const deadline = Date.now() + withinMs;
      while (Date.now() < deadline) {
        const chunk = await Promise.race([body.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
        if (chunk?.done) return true;
      }
      return false;
    };
    // Control: a stream left alone stays open.
    expect(await ends(800)).toBe(false);
    const started = Date.now();
    runStoppingHooks();
    expect(await ends(2000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
