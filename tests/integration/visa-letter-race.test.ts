// The event row lock that gives visa letters their reference numbers, with the race forced: each
// issuing transaction reads the event's next number, then waits until the others have read it too
// (or a short while has passed) before it writes. With the lock only one is past the read at a time,
// so six organisers issuing six letters at once get 1..6; without it (the negative control,
// PostgreSQL only: PGlite runs one transaction at a time) all six read the same number, one letter
// takes it and the other five are refused by `visa_letters_event_reference_uq`, left unissued.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visaLetters } from '@/db/schema';
import { violatedConstraint } from '@/lib/admin/db-errors';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import {
  decideVisaLetter,
  lockNextReference,
  type NextReference,
  readNextReferenceWithoutLocking,
  requestVisaLetter,
} from '@/lib/visa/letters';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';

const now = new Date('2026-12-01T00:00:00Z');
const ORGANISERS = 6;
let t: TestDatabase;
let organisers: Actor[];

const passport = {
  passportName: 'SOMCHAI JAIDEE',
  nationality: 'TH',
  passportNumber: 'AA1234567',
  dateOfBirth: '1985-07-01',
  passportExpiry: '2032-01-01',
};

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 20 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organisers = await Promise.all(
    Array.from({ length: ORGANISERS }, (_, i) => actorFor(t.db, `org${i}.race@forum.test`, { eventSlug: EVENT, role: 'organiser' })),
  );
});
afterAll(() => t?.close());

/** Six requested letters, in a fresh batch of registrations (the numbers go on per event). */
async function requested(batch: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < ORGANISERS; i += 1) {
    const registered = await registerAttendee(t.db, EVENT, person(`${batch}-${i}`, { venue: 'bangkok' }), { now });
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    const asked = await requestVisaLetter(t.db, manageTokenFor(registered.registration.id), passport);
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    ids.push(asked.letterId);
  }
  return ids;
}

/** Each organiser issues one of the letters at the same moment; what each was told, and what was stored. */
async function race(letterIds: string[], read: NextReference) {
  const gate = meetingGate(
    read,
    letterIds.length,
    read === readNextReferenceWithoutLocking && usingPostgres ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS,
  );
  const settled = await Promise.allSettled(
    letterIds.map((id, i) => decideVisaLetter(t.db, organisers[i]!, EVENT, id, 'issue', now, gate.read)),
  );
  const told = settled.map((s) =>
    s.status === 'fulfilled' ? (s.value.ok ? s.value.referenceNumber : s.value.code) : (violatedConstraint(s.reason) ?? String(s.reason)),
  );
  const stored = (await t.db.select().from(visaLetters))
    .filter((l) => letterIds.includes(l.id))
    .map((l) => `${l.status}:${l.referenceNumber}`)
    .sort();
  return { told, stored, mostAtOnce: gate.mostAtOnce() };
}

describe(`visa letter reference numbers, with the race forced (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('with the lock, six organisers issuing at once get six different numbers, one after another', async () => {
    const first = await race(await requested('locked'), lockNextReference);
    expect(first.mostAtOnce).toBe(1);
    expect([...first.told].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first.stored).toEqual(['issued:1', 'issued:2', 'issued:3', 'issued:4', 'issued:5', 'issued:6']);
    // The next batch goes on from the highest number given.
    const second = await race(await requested('locked-again'), lockNextReference);
    expect([...second.told].sort((a, b) => Number(a) - Number(b))).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it.runIf(usingPostgres)(
    'without the lock (negative control): all six read the same next number; one letter takes it, five are refused by the unique index',
    async () => {
      const n = (await t.db.select().from(visaLetters)).reduce((m, l) => Math.max(m, l.referenceNumber ?? 0), 0) + 1;
      const result = await race(await requested('unlocked'), readNextReferenceWithoutLocking);
      expect(result.mostAtOnce).toBe(ORGANISERS);
      expect(result.told.filter((x) => x === n)).toHaveLength(1);
      expect(result.told.filter((x) => x === 'visa_letters_event_reference_uq')).toHaveLength(ORGANISERS - 1);
      expect(result.stored).toEqual([`issued:${n}`, ...Array(ORGANISERS - 1).fill('requested:null')]);
    },
  );
});

describe('the unique index behind the numbers', () => {
  it('refuses a second letter of the event with a number already given', async () => {
    const [a, b] = await requested('index');
    expect((await decideVisaLetter(t.db, organisers[0]!, EVENT, a!, 'issue', now)).ok).toBe(true);
    const [issued] = await t.db.select().from(visaLetters).where(eq(visaLetters.id, a!));
    await expect(
      t.db.update(visaLetters).set({ status: 'issued', referenceNumber: issued!.referenceNumber }).where(eq(visaLetters.id, b!)),
    ).rejects.toSatisfy((e) => violatedConstraint(e) === 'visa_letters_event_reference_uq');
  });
});
