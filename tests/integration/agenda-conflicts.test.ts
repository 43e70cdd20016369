import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, speakers } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { agendaOverview } from '@/lib/agenda/admin/agenda-overview';
import { previewSessionConflicts } from '@/lib/agenda/admin/save-session';
import type { SessionFormValues } from '@/lib/agenda/admin/session-input';
import type { Actor } from '@/lib/auth/sessions';
import { ownClashes } from '@/lib/speakers/own-clashes';
import { speakerSchedule } from '@/lib/speakers/schedule';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, sessionBySlug, venueBySlug } from '../helpers/registration';

const FIRST_DAY = '2026-12-24';
let t: TestDatabase;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: FIRST_DAY, now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.conflicts@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

async function draft(overrides: Partial<SessionFormValues>): Promise<SessionFormValues> {
  return {
    slug: `conflict-probe-${Math.random().toString(36).slice(2, 8)}`,
    title: { en: 'Conflict probe' },
    description: {},
    kind: 'panel',
    segment: 'main',
    venueId: (await venueBySlug(t.db, 'nanning')).id,
    roomId: '',
    date: FIRST_DAY,
    start: '19:00',
    end: '20:00',
    capacity: '',
    streamed: false,
    livestreamUrl: '',
    recordingUrl: '',
    languages: ['en'],
    relayVenueIds: [],
    speakers: [],
    cancelled: false,
    acknowledgeConflicts: false,
    ...overrides,
  };
}

async function conflictsOf(values: SessionFormValues) {
  const result = await previewSessionConflicts(t.db, organiser, EVENT, null, values);
  return 'conflicts' in result ? result.conflicts : [];
}

describe(`conflicts at the receiving venue and across the saved agenda (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a relay that lands on the receiving venue’s own session is flagged there, naming it', async () => {
    const bangkok = await venueBySlug(t.db, 'bangkok');
    // 17:00–18:00 Nanning is 16:00–17:00 in Bangkok, during the Thailand Medical Hub session (15:45–17:15).
    const found = await conflictsOf(await draft({ start: '17:00', end: '18:00', relayVenueIds: [bangkok.id] }));
    expect(found).toContainEqual(
      expect.objectContaining({
        kind: 'relay-overlap',
        venue: expect.objectContaining({ en: bangkok.name.en }),
        other: expect.objectContaining({ en: 'Thailand Medical Hub: Technology Transfer Matchmaking' }),
      }),
    );
    // Relayed to Tokyo instead, where nothing is on then: no such warning.
    const tokyo = await venueBySlug(t.db, 'tokyo');
    expect((await conflictsOf(await draft({ start: '17:00', end: '18:00', relayVenueIds: [tokyo.id] }))).map((c) => c.kind)).not.toContain(
      'relay-overlap',
    );
  });

  it('a session held at a branch venue while a relay is on screen there is flagged', async () => {
    const bangkok = await venueBySlug(t.db, 'bangkok');
    // 08:15–09:00 in Bangkok: the opening ceremony is relayed there 08:00–08:45.
    const found = await conflictsOf(await draft({ venueId: bangkok.id, start: '08:15', end: '09:00' }));
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'relay-overlap', other: expect.objectContaining({ en: 'Opening Ceremony' }) }),
    );
  });

  it('the agenda list flags conflicts already saved: the demo’s trip from Nanning 11:15 to Bangkok 15:45 the same day', async () => {
    const { conflicts } = await agendaOverview(t.db, organiser, EVENT);
    const signing = conflicts.get(await sessionBySlug(t.db, 'mou-signing-partnerships')) ?? [];
    const hub = conflicts.get(await sessionBySlug(t.db, 'bangkok-medical-hub-matchmaking')) ?? [];
    expect(signing).toContainEqual(
      expect.objectContaining({
        kind: 'speaker-travel',
        speaker: 'Somchai Prasert',
        other: expect.objectContaining({ en: 'Thailand Medical Hub: Technology Transfer Matchmaking' }),
      }),
    );
    expect(hub).toContainEqual(expect.objectContaining({ kind: 'speaker-travel', speaker: 'Somchai Prasert' }));
    // A session with nothing wrong carries nothing.
    expect(conflicts.get(await sessionBySlug(t.db, 'tokyo-robotics-elderly-care'))).toBeUndefined();
  });

  it('the speaker portal tells a speaker of their own impossible trip', async () => {
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    const [somchai] = await t.db
      .select()
      .from(speakers)
      .where(and(eq(speakers.slug, 'somchai-prasert'), eq(speakers.eventId, event!.id)));
    const schedule = await speakerSchedule(t.db, [somchai!.id]);
    const clashes = ownClashes(schedule);
    const signing = await sessionBySlug(t.db, 'mou-signing-partnerships');
    expect(clashes.get(signing)).toEqual([
      { kind: 'travel', other: expect.objectContaining({ en: 'Thailand Medical Hub: Technology Transfer Matchmaking' }), hours: 4.8 },
    ]);
    const [kenji] = await t.db
      .select()
      .from(speakers)
      .where(and(eq(speakers.slug, 'kenji-watanabe'), eq(speakers.eventId, event!.id)));
    expect(ownClashes(await speakerSchedule(t.db, [kenji!.id])).size).toBe(0);
  });
});
