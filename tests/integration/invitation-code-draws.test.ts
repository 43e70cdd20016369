// A batch of invitation codes whose random draws collide, with each other or with a code the forum
// already has: the collisions are drawn again until the batch holds exactly as many new codes as
// asked, and the code that was there first is left as it was. The draws are scripted through
// node:crypto's randomInt; every other use of it stays random.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { attendeeCategories, categoryInvitationCodes } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { generateInvitationCodes } from '@/lib/registration/admin/categories/invitation-codes-admin';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT } from '../helpers/registration';

const scripted = vi.hoisted(() => ({ draws: [] as number[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return {
    ...crypto,
    randomInt: ((...args: Parameters<typeof crypto.randomInt>) =>
      scripted.draws.length
        ? scripted.draws.shift()!
        : (crypto.randomInt as (...a: unknown[]) => number)(...args)) as typeof crypto.randomInt,
  };
});

// The code alphabet begins ABCDEFGHJK: draw n gives its n-th letter.
const codeOf = (letter: number) => Array.from({ length: 10 }, () => letter);
const AAAA = 'AAAAAAAAAA';
const BBBB = 'BBBBBBBBBB';
const CCCC = 'CCCCCCCCCC';
const DDDD = 'DDDDDDDDDD';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.code-draws@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

it('codes drawn twice in one batch, or already the forum’s, are drawn again until the batch is whole; the existing code is untouched', async () => {
  const [category] = await t.db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: 'Scripted invitees' }, visibility: 'invitation' })
    .returning();
  await t.db.insert(categoryInvitationCodes).values({
    eventId,
    categoryId: category!.id,
    code: AAAA,
    maxUses: 7,
    uses: 2,
    expiresAt: new Date('2026-12-30T00:00:00Z'),
  });
  // First round: A (the forum has it), B, B again, so one is made; second round: the two missing, C and D.
  scripted.draws = [...codeOf(0), ...codeOf(1), ...codeOf(1), ...codeOf(2), ...codeOf(3)];
  const made = await generateInvitationCodes(
    t.db,
    organiser,
    EVENT,
    category!.id,
    { count: '3', maxUses: '1', expiresAt: '2026-12-20T18:00' },
    now,
  );
  expect(made).toEqual({ ok: true, codes: [BBBB, CCCC, DDDD] });
  expect(scripted.draws).toEqual([]);
  const stored = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.categoryId, category!.id));
  expect(stored.map((c) => c.code).sort()).toEqual([AAAA, BBBB, CCCC, DDDD]);
  expect(stored.find((c) => c.code === AAAA)).toMatchObject({ maxUses: 7, uses: 2 });
});
