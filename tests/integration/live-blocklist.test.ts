// The event's blocklist for live questions: a question containing a listed word is stored, held for
// the moderators with what it matched, shown to its asker as waiting, and to no other attendee; only
// the session's moderators edit the list. Runs on PGlite and on PostgreSQL (DATABASE_URL).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as eventsRoute } from '@/app/api/v1/live/[token]/events/route';
import { liveBlocklists, liveQuestions, speakers } from '@/db/schema';
import { closeNotifyHub } from '@/lib/database/notify-hub';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { isModerator, liveToken } from '@/lib/live/access';
import { blocklistForOrganiser, saveBlocklist } from '@/lib/live/blocklist-store';
import { askQuestion, moderateQuestion, roomQuestions, upvoteQuestion } from '@/lib/live/questions';
import { registerAttendee } from '@/lib/registration/register';
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

async function online(n: string) {
  const result = await registerAttendee(t.db, EVENT, person(n, { mode: 'online', venue: undefined, sessions: [panel, keynote] }), {
    now: new Date('2026-12-01T00:00:00Z'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}
const organiser = () => actorFor(t.db, 'blocklist-org@example.org', { eventSlug: EVENT, role: 'organiser' });

/** The question events a viewer's stream sends, read until `count` arrived or a second passed. */
async function streamed(token: string, count: number) {
  const controller = new AbortController();
  const response = await eventsRoute(new Request(`http://localhost/api/v1/live/${token}/events`, { signal: controller.signal }), {
    params: Promise.resolve({ token }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 3000;
  const datas: unknown[] = [];
  while (datas.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    datas.length = 0;
    for (const block of text.split('\n\n'))
      if (block.includes('event: question')) datas.push(JSON.parse(block.slice(block.indexOf('data: ') + 6)));
  }
  controller.abort();
  await reader.cancel().catch(() => {});
  return datas;
}

describe(`live question blocklist (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a question with a listed word is held for the moderators with the term; its asker sees it waiting; no other attendee sees it', async () => {
    const org = await organiser();
    expect(await saveBlocklist(t.db, org, panel, { terms: 'scam\n笨蛋\nโง่' })).toMatchObject({ ok: true, terms: ['scam', '笨蛋', 'โง่'] });
    const asker = await online('bl-asker');
    const reader = await online('bl-reader');

    const held = await askQuestion(t.db, asker, panel, { body: 'Is this SCAM, or a fair offer?' });
    const heldCjk = await askQuestion(t.db, asker, panel, { body: '演讲者是笨蛋吗' });
    const heldThai = await askQuestion(t.db, asker, panel, { body: 'ผู้พูดโง่หรือเปล่า' });
    const clean = await askQuestion(t.db, asker, panel, { body: 'Which classes scale first?' });
    if (!held.ok || !heldCjk.ok || !heldThai.ok || !clean.ok) throw new Error('not asked');

    // Stored, not lost: pending, with the filter and term.
    const [row] = await t.db.select().from(liveQuestions).where(eq(liveQuestions.id, held.id));
    expect(row).toMatchObject({ status: 'pending', heldFilter: 'blocklist', heldTerm: 'scam', body: 'Is this SCAM, or a fair offer?' });
    const [cleanRow] = await t.db.select().from(liveQuestions).where(eq(liveQuestions.id, clean.id));
    expect(cleanRow).toMatchObject({ status: 'pending', heldFilter: null, heldTerm: null });

    // The moderators see why.
    const forModerator = await roomQuestions(t.db, panel, { kind: 'moderator' });
    const byId = new Map(forModerator.map((q) => [q.id, q]));
    expect(byId.get(held.id)?.held).toEqual({ filter: 'blocklist', term: 'scam' });
    expect(byId.get(heldCjk.id)?.held).toEqual({ filter: 'blocklist', term: '笨蛋' });
    expect(byId.get(heldThai.id)?.held).toEqual({ filter: 'blocklist', term: 'โง่' });
    expect(byId.get(clean.id)?.held).toBeNull();

    // The asker sees it waiting, as any question, without the reason.
    const mine = (await roomQuestions(t.db, panel, { kind: 'attendee', registrationId: asker })).find((q) => q.id === held.id);
    expect(mine).toMatchObject({ status: 'pending', mine: true, held: null });
    // Nobody else: not in their list, not upvotable, not on the stage.
    expect((await roomQuestions(t.db, panel, { kind: 'attendee', registrationId: reader })).map((q) => q.id)).not.toContain(held.id);
    expect((await roomQuestions(t.db, panel, { kind: 'stage' })).map((q) => q.id)).not.toContain(held.id);
    expect(await upvoteQuestion(t.db, reader, held.id)).toMatchObject({ ok: false, code: 'not-found' });

    // The same through the live stream: the moderator's event carries the term, the reader's removes it, the asker's hides the reason.
    const modEvents = (await streamed(liveToken({ kind: 'moderator', subjectId: org.userId, sessionId: panel }), 4)) as {
      id: string;
      held?: unknown;
    }[];
    expect(modEvents.find((e) => e.id === held.id)?.held).toEqual({ filter: 'blocklist', term: 'scam' });
    const readerEvents = (await streamed(liveToken({ kind: 'attendee', subjectId: reader, sessionId: panel }), 4)) as {
      id: string;
      removed?: boolean;
    }[];
    expect(readerEvents.find((e) => e.id === held.id)).toEqual({ id: held.id, removed: true });
    const askerEvents = (await streamed(liveToken({ kind: 'attendee', subjectId: asker, sessionId: panel }), 4)) as {
      id: string;
      held?: unknown;
      status?: string;
    }[];
    expect(askerEvents.find((e) => e.id === held.id)).toMatchObject({ status: 'pending', held: null });

    // One click still decides: approve shows it to everyone, hide takes it away.
    await moderateQuestion(t.db, org, held.id, 'approve');
    expect((await roomQuestions(t.db, panel, { kind: 'attendee', registrationId: reader })).map((q) => q.id)).toContain(held.id);
    await moderateQuestion(t.db, org, held.id, 'hide');
    expect((await roomQuestions(t.db, panel, { kind: 'attendee', registrationId: reader })).map((q) => q.id)).not.toContain(held.id);
  });

  it('the list is the event’s: it holds in every session of the forum, and an emptied list holds nothing', async () => {
    const org = await organiser();
    await saveBlocklist(t.db, org, panel, { terms: 'Spam Offer' });
    const asker = await online('bl-event');
    const inKeynote = await askQuestion(t.db, asker, keynote, { body: 'a spam   offer for all' });
    if (!inKeynote.ok) throw new Error('not asked');
    expect((await roomQuestions(t.db, keynote, { kind: 'moderator' })).find((q) => q.id === inKeynote.id)?.held?.term).toBe('Spam Offer');
    await saveBlocklist(t.db, org, keynote, { terms: '' });
    const after = await askQuestion(t.db, asker, keynote, { body: 'a spam offer again' });
    if (!after.ok) throw new Error('not asked');
    expect((await roomQuestions(t.db, keynote, { kind: 'moderator' })).find((q) => q.id === after.id)?.held).toBeNull();
  });

  it('only the event’s organisers read and edit it, not a speaker moderating one session; others change nothing; bad input is refused in words', async () => {
    const org = await organiser();
    await saveBlocklist(t.db, org, panel, { terms: 'kept' });
    const attendee = await actorFor(t.db, 'bl-attendee@example.org');
    const checkin = await actorFor(t.db, 'bl-checkin@example.org', { eventSlug: EVENT, role: 'checkin' });
    const viewer = await actorFor(t.db, 'bl-viewer@example.org', { eventSlug: EVENT, role: 'viewer' });
    // Maria moderates the panel's questions, but the list holds in every session of the forum.
    const maria = await actorFor(t.db, 'bl-maria@example.org');
    await t.db.update(speakers).set({ userId: maria.userId }).where(eq(speakers.slug, 'maria-santos'));
    expect(await isModerator(t.db, maria, panel)).toBe(true);
    for (const actor of [null, attendee, checkin, viewer, maria]) {
      expect(await saveBlocklist(t.db, actor, panel, { terms: 'intruder' })).toMatchObject({ ok: false, code: 'not-found' });
      expect(await blocklistForOrganiser(t.db, actor, panel)).toBeNull();
    }
    expect(await blocklistForOrganiser(t.db, org, panel)).toEqual(['kept']);
    expect(await saveBlocklist(t.db, org, panel, { terms: 'x'.repeat(61) })).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { terms: 'tooLong?max=60' },
    });
    expect(await saveBlocklist(t.db, org, panel, { terms: 42 })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await blocklistForOrganiser(t.db, org, panel)).toEqual(['kept']);
    // The CHECK bounds the list even for a write that skips the schema.
    const [list] = await t.db.select({ eventId: liveBlocklists.eventId }).from(liveBlocklists);
    await expect(
      t.db
        .update(liveBlocklists)
        .set({ terms: Array.from({ length: 301 }, (_, i) => `t${i}`) })
        .where(eq(liveBlocklists.eventId, list!.eventId)),
    ).rejects.toThrow();
  });
});
