// Passport details never leave in the registrations CSV unless chosen: the default export has no
// passport column and no passport value; `passport=1` adds the visa letter requests' fields,
// unsealed, for organisers only (a venue manager, a viewer, another event's organiser: 403), and
// that export is audited as its own action.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { registrationsCsvResponse } from '@/lib/registration/admin/csv-response';
import { exportRegistrationsCsv } from '@/lib/registration/admin/export';
import { registrationFilterSchema } from '@/lib/registration/admin/filters';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { requestVisaLetter } from '@/lib/visa/letters';
import { PASSPORT_CSV_COLUMNS, passportCsvColumns } from '@/lib/visa/passport-export';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let venueManager: Actor;
let viewer: Actor;
let otherOrganiser: Actor;
let anh: string;
let ben: string;

const passport = {
  passportName: 'NGUYEN THI ANH',
  nationality: 'VN',
  passportNumber: 'C12345678',
  dateOfBirth: '1988-03-14',
  passportExpiry: '2031-05-01',
};

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.pcsv@forum.test', { eventSlug: EVENT, role: 'organiser' });
  venueManager = await actorFor(t.db, 'vm.pcsv@forum.test', {
    eventSlug: EVENT,
    role: 'venue_manager',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
  viewer = await actorFor(t.db, 'viewer.pcsv@forum.test', { eventSlug: EVENT, role: 'viewer' });
  otherOrganiser = await actorFor(t.db, 'other.pcsv@forum.test', { eventSlug: 'other-forum', role: 'organiser' });
  const register = async (n: string) => {
    const result = await registerAttendee(t.db, EVENT, person(n, { venue: 'bangkok' }), { now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.registration.id;
  };
  anh = await register('pcsv-anh');
  ben = await register('pcsv-ben');
  expect((await requestVisaLetter(t.db, manageTokenFor(anh), passport, now)).ok).toBe(true);
});
afterAll(() => t?.close());

const passportValues = Object.values(passport);

describe(`passport details in the registrations CSV (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the default export has no passport column and no passport value, for organisers too', async () => {
    for (const who of [organiser, venueManager, viewer]) {
      const response = await registrationsCsvResponse(t.db, who, EVENT, new URLSearchParams(), 'en', passportCsvColumns);
      expect(response.status).toBe(200);
      const csv = await response.text();
      expect(csv).toContain('Participant pcsv-anh');
      for (const column of PASSPORT_CSV_COLUMNS) expect(csv).not.toContain(column);
      for (const value of passportValues) expect(csv).not.toContain(value);
      // A value other than 1 is not the option either.
      expect(
        await (await registrationsCsvResponse(t.db, who, EVENT, new URLSearchParams({ passport: 'yes' }), 'en', passportCsvColumns)).text(),
      ).not.toContain(passport.passportNumber);
    }
  });

  it('with passport=1 an organiser gets the fields unsealed, after the other columns; audited as its own action', async () => {
    const response = await registrationsCsvResponse(
      t.db,
      organiser,
      EVENT,
      new URLSearchParams({ passport: '1', venue: 'bangkok' }),
      'en',
      passportCsvColumns,
    );
    expect(response.status).toBe(200);
    const [header, ...records] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(',').slice(-PASSPORT_CSV_COLUMNS.length)).toEqual([...PASSPORT_CSV_COLUMNS]);
    const row = (id: string) => records.find((r) => r.startsWith(id))!.split(',');
    expect(row(anh).slice(-PASSPORT_CSV_COLUMNS.length)).toEqual([...passportValues, 'requested']);
    expect(row(ben).slice(-PASSPORT_CSV_COLUMNS.length)).toEqual(['', '', '', '', '', '']);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, eventId), eq(auditLog.action, 'registration.export.passport')));
    expect(audit.map((a) => [a.actorUserId, (a.details as { columns?: string[] }).columns])).toEqual([
      [organiser.userId, [...PASSPORT_CSV_COLUMNS]],
    ]);
  });

  it('anyone else asking for passport details is refused (403, 401 signed out) and nothing is audited', async () => {
    const ask = new URLSearchParams({ passport: '1' });
    for (const who of [venueManager, viewer, otherOrganiser]) {
      const response = await registrationsCsvResponse(t.db, who, EVENT, ask, 'en', passportCsvColumns);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(passport.passportNumber);
      await expect(
        exportRegistrationsCsv(t.db, who, EVENT, registrationFilterSchema.parse({}), { extra: passportCsvColumns }),
      ).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect((await registrationsCsvResponse(t.db, null, EVENT, ask, 'en', passportCsvColumns)).status).toBe(401);
    // Where the option is not offered (no passport columns given), an organiser asking is refused too.
    expect((await registrationsCsvResponse(t.db, organiser, EVENT, ask)).status).toBe(403);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, eventId), eq(auditLog.action, 'registration.export.passport')));
    expect(audit.map((a) => a.actorUserId)).toEqual([organiser.userId]);
  });

  it('someone who is both a viewer and an organiser of the forum may ask: one of their roles reads passports', async () => {
    await actorFor(t.db, 'two-roles.passport@forum.test', { eventSlug: EVENT, role: 'viewer' });
    const both = await actorFor(t.db, 'two-roles.passport@forum.test', { eventSlug: EVENT, role: 'organiser' });
    const csv = await new Response(
      (await exportRegistrationsCsv(t.db, both, EVENT, registrationFilterSchema.parse({}), { extra: passportCsvColumns })).stream,
    ).text();
    expect(csv).toContain(passport.passportNumber);
  });
});
