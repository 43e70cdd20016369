// A registrant changes their own name, organisation and language from the manage link: refused for an
// erased or cancelled registration, audited without the values (only which of the three changed, and
// by nobody signed in), the change counted in the registration's updated time.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { changeOwnDetails } from '@/lib/registration/change-details';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { person, registeredId } from '../helpers/registration';
import { fieldsOf } from '../helpers/results';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

const register = (n: string) => registeredId(t.db, person(n, { mode: 'online', venue: null, organisation: 'Guangxi University' }), now);
const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
const audits = (id: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'registration.details.self-change')));

describe('a registrant’s own details', () => {
  it('are audited by the names of what changed only, by nobody signed in, without the values', async () => {
    const id = await register('own-audit');
    const before = await row(id);
    expect(await changeOwnDetails(t.db, id, { name: 'Pham Minh Chau', organisation: 'Guangxi University', locale: 'en' })).toEqual({
      ok: true,
    });
    expect(await changeOwnDetails(t.db, id, { name: 'Pham Minh Chau', organisation: 'VAST', locale: 'vi' })).toEqual({ ok: true });
    expect(await changeOwnDetails(t.db, id, { name: 'Pham Minh Chau', organisation: 'VAST', locale: 'vi' })).toEqual({ ok: true });
    const entries = await audits(id);
    expect(entries.map((e) => e.details)).toEqual([{ changed: ['name'] }, { changed: ['organisation', 'locale'] }, { changed: [] }]);
    expect(entries[0]).toMatchObject({ eventId, actorUserId: null, entity: 'registration' });
    expect(JSON.stringify(entries)).not.toContain('Pham Minh Chau');
    const after = await row(id);
    expect(after).toMatchObject({ name: 'Pham Minh Chau', organisation: 'VAST', locale: 'vi' });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('an erased, cancelled or unknown registration changes nothing', async () => {
    const values = { name: 'Back Again', organisation: '', locale: 'en' };
    const erased = await register('own-erased');
    await t.db.update(registrations).set({ erasedAt: now }).where(eq(registrations.id, erased));
    const notFound = { ok: false, code: 'not-found', error: 'No such registration' };
    expect(await changeOwnDetails(t.db, erased, values)).toMatchObject(notFound);
    expect(await changeOwnDetails(t.db, randomUUID(), values)).toMatchObject(notFound);
    const cancelled = await register('own-cancelled');
    await t.db.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, cancelled));
    expect(fieldsOf(await changeOwnDetails(t.db, cancelled, values))).toEqual({ registration: 'registrationCancelled' });
    for (const id of [erased, cancelled]) {
      expect((await row(id)).name).not.toBe('Back Again');
      expect(await audits(id)).toEqual([]);
    }
  });
});
