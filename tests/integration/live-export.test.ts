// After the session: its questions and poll results as CSV for the event's organisers, with every
// question (hidden ones too), the asker's name even when anonymous to others, and text cells a
// spreadsheet will not run as formulas. Anyone else, or another event's session, is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError } from '@/lib/auth/authorize';
import { useDatabase } from '@/lib/database/process-database';
import { closeNotifyHub } from '@/lib/database/notify-hub';
import { seedDemoForum } from '@/lib/demo/seed';
import { exportPollsCsv, exportQuestionsCsv } from '@/lib/live/export';
import { closePoll, openPoll, votePoll } from '@/lib/live/polls';
import { askQuestion, moderateQuestion, upvoteQuestion } from '@/lib/live/questions';
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
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  panel = await sessionBySlug(t.db, 'panel-innovation-corridor');
});
afterAll(async () => {
  await closeNotifyHub();
  await t?.close();
});

async function online(n: string) {
  const result = await registerAttendee(t.db, EVENT, person(n, { mode: 'online', venue: undefined, sessions: [panel] }), {
    now: new Date('2026-12-01T00:00:00Z'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

/** A CSV body's records as arrays of cells (quoted cells unquoted), without the byte-order mark. */
function records(body: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  for (const match of body.slice(1).matchAll(/((?:"(?:[^"]|"")*"|[^,\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^,\r\n]*))*)\r\n/g)) {
    rows.push([...match[1]!.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
  }
  return rows;
}

describe(`live export (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the organiser gets every question with its asker, state and upvotes; formulas are defused', async () => {
    const organiser = await actorFor(t.db, 'export-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const asker = await online('export-asker');
    const voter = await online('export-voter');
    const plain = await askQuestion(t.db, asker, panel, { body: 'Which clinics pilot first?' });
    const formula = await askQuestion(t.db, asker, panel, { body: '=HYPERLINK("http://evil.example","click")', anonymous: true });
    const hidden = await askQuestion(t.db, voter, panel, { body: 'Off-topic, please hide' });
    if (!plain.ok || !formula.ok || !hidden.ok) throw new Error('asking failed');
    await moderateQuestion(t.db, organiser, plain.id, 'approve');
    await moderateQuestion(t.db, organiser, plain.id, 'answer');
    await upvoteQuestion(t.db, voter, plain.id);
    await moderateQuestion(t.db, organiser, hidden.id, 'hide');

    const csv = await exportQuestionsCsv(t.db, organiser, EVENT, panel);
    expect(csv.filename).toBe(`${EVENT}-panel-innovation-corridor-questions.csv`);
    const [header, ...lines] = records(csv.body);
    expect(header).toEqual([
      'asked_at_utc',
      'question',
      'asker',
      'asker_email',
      'anonymous_to_others',
      'status',
      'answered',
      'highlighted',
      'upvotes',
    ]);
    expect(lines.map((l) => l.slice(1))).toEqual([
      ['Which clinics pilot first?', 'Participant export-asker', 'pexport-asker@example.org', 'no', 'approved', 'yes', 'no', '1'],
      [
        '\'=HYPERLINK("http://evil.example","click")',
        'Participant export-asker',
        'pexport-asker@example.org',
        'yes',
        'pending',
        'no',
        'no',
        '0',
      ],
      ['Off-topic, please hide', 'Participant export-voter', 'pexport-voter@example.org', 'no', 'hidden', 'no', 'no', '0'],
    ]);
    expect(lines[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('the organiser gets each poll’s answers with their votes and ballots, closed polls included', async () => {
    const organiser = await actorFor(t.db, 'export-org@example.org', { eventSlug: EVENT, role: 'organiser' });
    const poll = await openPoll(t.db, organiser, panel, {
      question: 'Where do you watch from?',
      options: 'Nanning\n+Bangkok\nOnline',
      multiple: true,
    });
    if (!poll.ok) throw new Error('poll failed');
    const [a, b] = [await online('export-poll-a'), await online('export-poll-b')];
    expect((await votePoll(t.db, a, poll.id, { choices: [0, 2] })).ok).toBe(true);
    expect((await votePoll(t.db, b, poll.id, { choices: [2] })).ok).toBe(true);
    await closePoll(t.db, organiser, poll.id);
    const [header, ...lines] = records((await exportPollsCsv(t.db, organiser, EVENT, panel)).body);
    expect(header).toEqual(['poll', 'multiple_choice', 'status', 'ballots', 'answer', 'votes']);
    expect(lines).toEqual([
      ['Where do you watch from?', 'yes', 'closed', '2', 'Nanning', '1'],
      ['Where do you watch from?', 'yes', 'closed', '2', "'+Bangkok", '0'],
      ['Where do you watch from?', 'yes', 'closed', '2', 'Online', '2'],
    ]);
  });

  it('a speaker, a viewer, another event’s organiser and the signed-out are refused; so is another event’s session', async () => {
    const viewer = await actorFor(t.db, 'export-viewer@example.org', { eventSlug: EVENT, role: 'viewer' });
    const speaker = await actorFor(t.db, 'export-speaker@example.org', { eventSlug: EVENT, role: 'speaker' });
    const otherOrganiser = await actorFor(t.db, 'export-other@example.org', { eventSlug: 'other-forum', role: 'organiser' });
    for (const actor of [viewer, speaker, otherOrganiser, null]) {
      await expect(exportQuestionsCsv(t.db, actor, EVENT, panel)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(exportPollsCsv(t.db, actor, EVENT, panel)).rejects.toBeInstanceOf(AuthorizationError);
    }
    // Their own event's slug with this event's session: refused too.
    await expect(exportQuestionsCsv(t.db, otherOrganiser, 'other-forum', panel)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(exportPollsCsv(t.db, otherOrganiser, 'other-forum', panel)).rejects.toBeInstanceOf(AuthorizationError);
  });
});
