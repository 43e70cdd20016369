// The two other writes of attendee categories that race: an invitation code redeemed by more
// registrations at once than it has uses, and approvals racing for a category's last places. Each is
// forced (every transaction reads, then waits at a gate until the others have read) and has a negative
// control on PostgreSQL that removes the protection and asserts the exact symptom (docs/testing.md,
// "Locks and their negative controls").
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, categoryInvitationCodes, registrations } from '@/db/schema';
import { violatedConstraint } from '@/lib/admin/db-errors';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { approveRegistrations } from '@/lib/registration/admin/categories/decide';
import { lockCategory, readCategoryWithoutLocking, type CategoryLock } from '@/lib/registration/categories/category-seats';
import { readCodeUses, redeemByReadThenWrite, redeemInvitationCode } from '@/lib/registration/categories/invitation-codes';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { meetingGate, outcomes, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';

const now = new Date('2026-12-01T00:00:00Z');
const driver = usingPostgres ? 'PostgreSQL' : 'PGlite';
let t: TestDatabase;
let eventId: string;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 40 });
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.races@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

async function category(name: string, values: Partial<typeof attendeeCategories.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: name }, ...values })
    .returning();
  return row!;
}

const online = (n: string, overrides: Record<string, unknown> = {}) => person(n, { mode: 'online', venue: null, ...overrides });
const unlockedWait = usingPostgres ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS;

describe(`an invitation code with 3 uses redeemed by 10 registrations at once (${driver})`, () => {
  async function codeRace(tag: string, how: 'conditional update' | 'read then write') {
    // Approval required: registrations wait pending and write nothing to the category's row, whose
    // count update would otherwise queue them before they reach the code.
    const hidden = await category(`Code race ${tag}`, { visibility: 'invitation', requiresApproval: true });
    const code = `RACE${tag.toUpperCase()}`;
    await t.db
      .insert(categoryInvitationCodes)
      .values({ eventId, categoryId: hidden.id, code, maxUses: 3, expiresAt: new Date('2027-01-01T00:00:00Z') });
    // The category's lock would queue them one at a time before the code is touched: it is removed
    // here, so the code's own protection is what the race meets.
    const categoryGate = meetingGate(readCategoryWithoutLocking, 10, how === 'conditional update' ? unlockedWait : WAIT_ALONE_LOCKED_MS);
    const codeGate = meetingGate(readCodeUses, 10, unlockedWait);
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        registerAttendee(t.db, EVENT, online(`${tag}${i}`, { category: hidden.id, code }), {
          now,
          categoryLock: categoryGate.read,
          ...(how === 'read then write' ? { redeemCode: redeemByReadThenWrite(codeGate.read) } : {}),
        }),
      ),
    );
    const [row] = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.code, code));
    const admitted = await t.db.select().from(registrations).where(eq(registrations.categoryId, hidden.id));
    return { answers: outcomes(settled), uses: row!.uses, admitted, categoryGate, codeGate };
  }

  it('the conditional UPDATE alone (category lock removed) admits exactly 3; the 7 others get the code message; uses = 3', async () => {
    const { answers, uses, admitted, categoryGate } = await codeRace('cond', 'conditional update');
    // On PostgreSQL all ten were past the category read together: the race reached the code.
    if (usingPostgres) expect(categoryGate.mostAtOnce()).toBe(10);
    expect(answers.filter((a) => a === 'ok')).toHaveLength(3);
    expect(answers.filter((a) => a === 'invalid')).toHaveLength(7);
    expect(uses).toBe(3);
    expect(admitted).toHaveLength(3);
  });

  it.runIf(usingPostgres)(
    'negative control: read the uses, then write them back plus one — all 10 admitted by a 3-use code, uses lost (ends at 1)',
    async () => {
      const { answers, uses, admitted, codeGate } = await codeRace('rtw', 'read then write');
      expect(codeGate.mostAtOnce()).toBe(10);
      expect(answers).toEqual(Array(10).fill('ok'));
      expect(admitted).toHaveLength(10);
      // Every one read 0 uses and wrote 1: the lost updates hide the oversell from the count too.
      expect(uses).toBe(1);
    },
  );
});

describe('the negative control’s redemption, one at a time', () => {
  it('refuses exactly what the conditional UPDATE refuses (unknown, expired, used up, another category), so only the missing lock differs', async () => {
    const hidden = await category('Control delegates', { visibility: 'invitation' });
    const other = await category('Control others', { visibility: 'invitation' });
    const insert = (code: string, maxUses: number, expiresAt: Date) =>
      t.db.insert(categoryInvitationCodes).values({ eventId, categoryId: hidden.id, code, maxUses, expiresAt });
    await insert('CTRLTWICE', 2, new Date('2027-01-01T00:00:00Z'));
    await insert('CTRLOLD', 5, new Date('2026-11-30T00:00:00Z'));
    // Expiring exactly now: no longer valid.
    await insert('CTRLNOW', 5, now);
    const usesOf = async (code: string) =>
      (await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.code, code)))[0]!.uses;
    for (const redeem of [redeemInvitationCode, redeemByReadThenWrite()]) {
      const tries = async () => ({
        unknown: await redeem(t.db, eventId, hidden.id, 'CTRLNONE', now),
        expired: await redeem(t.db, eventId, hidden.id, 'CTRLOLD', now),
        expiringNow: await redeem(t.db, eventId, hidden.id, 'CTRLNOW', now),
        otherCategory: await redeem(t.db, eventId, other.id, 'CTRLTWICE', now),
      });
      expect(await tries()).toEqual({ unknown: false, expired: false, expiringNow: false, otherCategory: false });
      await t.db.update(categoryInvitationCodes).set({ uses: 0 }).where(eq(categoryInvitationCodes.code, 'CTRLTWICE'));
      // Typed as people type it; used once, then a second time, then refused (used up), the count kept.
      expect(await redeem(t.db, eventId, hidden.id, 'ctrl-twice', now)).toBe(true);
      expect(await usesOf('CTRLTWICE')).toBe(1);
      expect(await redeem(t.db, eventId, hidden.id, 'CTRLTWICE', now)).toBe(true);
      expect(await redeem(t.db, eventId, hidden.id, 'CTRLTWICE', now)).toBe(false);
      expect(await usesOf('CTRLTWICE')).toBe(2);
      expect([await usesOf('CTRLOLD'), await usesOf('CTRLNOW')]).toEqual([0, 0]);
    }
  });
});

describe(`approvals racing for a category's last places (${driver})`, () => {
  async function approvalRace(tag: string, lock: CategoryLock) {
    const approved = await category(`Approval race ${tag}`, { requiresApproval: true, capacity: 4 });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await registerAttendee(t.db, EVENT, online(`appr-${tag}${i}`, { category: approved.id }), { now });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.registration.id);
    }
    const gate = meetingGate(lock, 10, lock === readCategoryWithoutLocking ? unlockedWait : WAIT_ALONE_LOCKED_MS);
    // Ten organisers (or one bulk click per person) approving at the same moment, one transaction each.
    const settled = await Promise.allSettled(
      ids.map((id) => approveRegistrations(t.db, organiser, EVENT, { ids: [id] }, { categoryLock: gate.read })),
    );
    const answers = settled.map((s) => (s.status === 'fulfilled' ? (s.value.ok ? 'ok' : s.value.code) : violatedConstraint(s.reason)));
    const after = await t.db.select().from(registrations).where(eq(registrations.categoryId, approved.id));
    const [row] = await t.db.select().from(attendeeCategories).where(eq(attendeeCategories.id, approved.id));
    return { answers, after, count: row!.confirmedCount, gate };
  }

  it('with the lock: 4 seated, 6 approved into the category line 1..6, the count 4', async () => {
    const { answers, after, count, gate } = await approvalRace('locked', lockCategory);
    expect(gate.mostAtOnce()).toBe(1);
    expect(answers).toEqual(Array(10).fill('ok'));
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(4);
    const line = after.filter((r) => r.status === 'pending').map((r) => r.categoryWaitlistPosition);
    expect(line.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(after.every((r) => r.decision === 'approved')).toBe(true);
    expect(count).toBe(4);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it.runIf(usingPostgres)(
    'negative control without the lock: all 10 read a free place; 6 approvals fail on attendee_categories_seats_ck instead of joining the line',
    async () => {
      const { answers, after, count, gate } = await approvalRace('unlocked', readCategoryWithoutLocking);
      expect(gate.mostAtOnce()).toBe(10);
      expect(answers.filter((a) => a === 'ok')).toHaveLength(4);
      expect(answers.filter((a) => a === 'attendee_categories_seats_ck')).toHaveLength(6);
      // The six are left undecided, in no line: the organisers' click failed for them.
      const left = after.filter((r) => r.status === 'pending');
      expect(left).toHaveLength(6);
      expect(left.every((r) => r.decision === null && r.categoryWaitlistPosition === null)).toBe(true);
      expect(count).toBe(4);
    },
  );
});
