// An attendee erases their own registration from the manage link (issue 16 item 7): cancelled through
// the cancellation path (seats freed, the first in line promoted and mailed), anonymised as the
// retention job does, audited; and another registrant's token cannot do it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import { manageTokenFor, registrationIdFromManageToken } from '@/lib/registration/manage-token';
import { registrationForManageToken } from '@/lib/registration/manage-view';
import { erasedAddress, eraseRegistrations } from '@/lib/retention/erase-registration';
import { cancelRegistrationAsOrganiser } from '@/lib/registration/admin/cancel';
import { actorFor } from '../helpers/actors';
import { eraseOwnRegistration } from '@/lib/retention/erase-own-registration';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { registered, smallVenue, standing } from '../helpers/seat-standing';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

describe('erasing one’s own registration', () => {
  it('cancels it, frees the venue place and the session seat to the first in line, anonymises it, and audits it', async () => {
    const hall = await smallVenue(t.db, 'erase', 1, 1);
    const register = async (tag: string) =>
      registered(await registerAttendee(t.db, EVENT, person(tag, { venue: hall.venueSlug, sessions: [hall.sessionId] }), { now }));
    const leaving = await register('erase-leaving');
    const waiting = await register('erase-waiting');
    expect((await standing(t.db, waiting.id)).venue).toEqual(['waitlisted', 1]);

    expect(await eraseOwnRegistration(t.db, leaving.id, { now })).toMatchObject({ ok: true, alreadyErased: false });

    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, leaving.id));
    expect(row).toMatchObject({ status: 'cancelled', name: '', email: erasedAddress(leaving.id), organisation: '', erasedAt: now });
    expect(await standing(t.db, waiting.id)).toEqual({ venue: ['confirmed', null], sessions: { [hall.sessionId]: ['confirmed', null] } });
    const promoted = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.registrationId, waiting.id), eq(outbox.kind, 'registration.promoted')));
    expect(promoted).toHaveLength(1);
    // No mail to or about the erased registrant is kept, the cancellation notice included.
    expect(await t.db.select().from(outbox).where(eq(outbox.registrationId, leaving.id))).toHaveLength(0);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registration.erase'), eq(auditLog.entityId, leaving.id)));
    expect(entry).toMatchObject({
      actorUserId: null,
      details: { requestedBy: 'attendee', statusBefore: 'confirmed', statusAfter: 'cancelled' },
    });
    expect(await seatInvariantBreaches(t.db, hall.eventId)).toEqual([]);

    // The link still leads somewhere, and says only that the registration was erased.
    const view = await registrationForManageToken(t.db, manageTokenFor(leaving.id));
    expect(view?.registration.erasedAt).toEqual(now);
    // Asking again changes nothing more.
    expect(await eraseOwnRegistration(t.db, leaving.id, { now })).toMatchObject({ ok: true, alreadyErased: true });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'registration.erase'))).toHaveLength(1);
  });

  it('the audit log keeps what was done to an erased registration, not the person’s name, address or the reason given', async () => {
    const organiser = await actorFor(t.db, 'org.erasure@forum.test', { eventSlug: EVENT, role: 'organiser' });
    const gone = registered(await registerAttendee(t.db, EVENT, person('erase-audited', { organisation: 'Mahidol University' }), { now }));
    expect(await cancelRegistrationAsOrganiser(t.db, organiser, EVENT, gone.id, 'Asked by phone, Khun Somchai')).toMatchObject({
      ok: true,
    });
    const entries = () => t.db.select().from(auditLog).where(eq(auditLog.entityId, gone.id));
    // The negative control: before erasure the organiser's entry names the person.
    expect(JSON.stringify((await entries()).map((e) => e.details))).toMatch(/perase-audited@example\.org.*Somchai|Somchai.*perase-audited/);
    await t.db.transaction((tx) => eraseRegistrations(tx, [gone.id], now));
    const after = await entries();
    expect(after.map((e) => e.action).sort()).toEqual(['registration.cancel', 'registration.create']);
    for (const entry of after) {
      expect(JSON.stringify(entry.details), entry.action).not.toMatch(/erase-audited|Somchai|Mahidol/);
      expect(entry.details, entry.action).toMatchObject({ erased: true });
    }
    expect(after.find((e) => e.action === 'registration.cancel')!.details).toMatchObject({ previousStatus: 'confirmed' });
  });

  it('an attacker’s token names only their own registration: a spliced or forged token erases nothing', async () => {
    const victim = registered(await registerAttendee(t.db, EVENT, person('erase-victim', { mode: 'online', venue: null }), { now }));
    const attacker = registered(await registerAttendee(t.db, EVENT, person('erase-attacker', { mode: 'online', venue: null }), { now }));
    const [, attackerMac] = manageTokenFor(attacker.id).split('.');
    for (const token of [`${victim.id}.${attackerMac}`, victim.id, `${victim.id}.${'A'.repeat(43)}`, ''])
      expect(registrationIdFromManageToken(token), token).toBeNull();
    // The attacker's own token erases the attacker, never the victim.
    const id = registrationIdFromManageToken(manageTokenFor(attacker.id))!;
    expect(id).toBe(attacker.id);
    await eraseOwnRegistration(t.db, id, { now });
    const [kept] = await t.db.select().from(registrations).where(eq(registrations.id, victim.id));
    expect(kept).toMatchObject({
      name: 'Participant erase-victim',
      email: 'perase-victim@example.org',
      erasedAt: null,
      status: 'confirmed',
    });
  });
});
