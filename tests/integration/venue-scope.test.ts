// Venue managers and viewers (issue 16 item 5): the role and the venue scope are checked in lib/
// where data is read and written, so Bangkok's manager cannot read or change Nanning's sessions or
// registrations by putting another id in a URL or a form, and a viewer's every write is refused.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registrations, sessionRelays, sessions } from '@/db/schema';
import { agendaOverview } from '@/lib/agenda/admin/agenda-overview';
import { sessionEditorOptions, sessionFormValues } from '@/lib/agenda/admin/editor-data';
import { saveSession } from '@/lib/agenda/admin/save-session';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { checkIn } from '@/lib/checkin/check-in';
import { seedDemoForum } from '@/lib/demo/seed';
import { cancelRegistrationAsOrganiser } from '@/lib/registration/admin/cancel';
import { registrationDashboard } from '@/lib/registration/admin/dashboard';
import { registrationDetail } from '@/lib/registration/admin/detail';
import { exportRegistrationsCsv } from '@/lib/registration/admin/export';
import { registrationConditions } from '@/lib/registration/admin/filters';
import { listRegistrations } from '@/lib/registration/admin/list';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { vmsg } from '@/lib/validation/message';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const OTHER = 'other-forum';
const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let manager: Actor;
let viewer: Actor;
let otherManager: Actor;
let bangkokSession: string;
let nanningSession: string;
let bangkokPerson: string;
let nanningPerson: string;

const refused = (work: Promise<unknown>) => expect(work).rejects.toBeInstanceOf(AuthorizationError);
const page = { sort: 'oldest', size: 50 } as never;

async function sessionAt(venueId: string) {
  const [row] = await t.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.venueId, venueId), eq(sessions.status, 'scheduled')))
    .limit(1);
  return row!.id;
}

async function csvOf(actor: Actor) {
  const csv = await exportRegistrationsCsv(t.db, actor, EVENT, {});
  return new Response(csv.stream).text();
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: OTHER, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  const bangkok = await venueBySlug(t.db, 'bangkok');
  const nanning = await venueBySlug(t.db, 'nanning');
  organiser = await actorFor(t.db, 'org.scope@forum.test', { eventSlug: EVENT, role: 'organiser' });
  manager = await actorFor(t.db, 'manager.bangkok@forum.test', { eventSlug: EVENT, role: 'venue_manager', venueId: bangkok.id });
  viewer = await actorFor(t.db, 'viewer@forum.test', { eventSlug: EVENT, role: 'viewer' });
  otherManager = await actorFor(t.db, 'manager.other@forum.test', {
    eventSlug: OTHER,
    role: 'venue_manager',
    venueId: (await venueBySlug(t.db, 'bangkok', OTHER)).id,
  });
  bangkokSession = await sessionAt(bangkok.id);
  nanningSession = await sessionAt(nanning.id);
  const register = async (tag: string, venue: string) => {
    const result = await registerAttendee(t.db, EVENT, person(tag, { venue, sessions: [] }), { now });
    if (!result.ok) throw new Error(result.error);
    return result.registration.id;
  };
  bangkokPerson = await register('scope-bangkok', 'bangkok');
  nanningPerson = await register('scope-nanning', 'nanning');
});
afterAll(() => t?.close());

/** The stored session as its form values, retitled: what the editor would post. */
async function retitled(sessionId: string, title: string, changes: Record<string, unknown> = {}) {
  const values = await sessionFormValues(t.db, organiser, EVENT, sessionId);
  return { ...values, title: { ...values?.title, en: title }, acknowledgeConflicts: true, ...changes };
}

describe('a venue manager', () => {
  it('edits their venue’s session', async () => {
    const saved = await saveSession(t.db, manager, EVENT, bangkokSession, await retitled(bangkokSession, 'Bangkok, edited by its manager'));
    expect(saved).toMatchObject({ ok: true });
    const [row] = await t.db.select({ title: sessions.title }).from(sessions).where(eq(sessions.id, bangkokSession));
    expect(row!.title.en).toBe('Bangkok, edited by its manager');
    expect(await sessionFormValues(t.db, manager, EVENT, bangkokSession)).not.toBeNull();
  });

  it('cannot open, change, or move a session into another venue, whatever id the form carries', async () => {
    expect(await sessionFormValues(t.db, manager, EVENT, nanningSession)).toBeNull();
    await refused(saveSession(t.db, manager, EVENT, nanningSession, await retitled(nanningSession, 'Hijacked')));
    const nanning = (await venueBySlug(t.db, 'nanning')).id;
    await refused(
      saveSession(t.db, manager, EVENT, bangkokSession, await retitled(bangkokSession, 'Moved', { venueId: nanning, roomId: '' })),
    );
    await refused(saveSession(t.db, manager, EVENT, null, await retitled(nanningSession, 'New in Nanning', { slug: 'new-in-nanning' })));
    const [row] = await t.db.select({ title: sessions.title }).from(sessions).where(eq(sessions.id, nanningSession));
    expect(row!.title.en).not.toBe('Hijacked');
    const overview = await agendaOverview(t.db, manager, EVENT);
    expect([overview.editable((await venueBySlug(t.db, 'bangkok')).id), overview.editable(nanning), overview.organiser]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('cannot change which other venues show their session: a relay to Nanning is neither added nor taken away', async () => {
    const nanning = (await venueBySlug(t.db, 'nanning')).id;
    const relaysOf = async (id: string) =>
      (await t.db.select({ venueId: sessionRelays.venueId }).from(sessionRelays).where(eq(sessionRelays.sessionId, id))).map(
        (r) => r.venueId,
      );
    const before = await relaysOf(bangkokSession);
    const added = await saveSession(
      t.db,
      manager,
      EVENT,
      bangkokSession,
      await retitled(bangkokSession, 'Relayed by its manager', { relayVenueIds: [...before, nanning] }),
    );
    expect(added).toMatchObject({ ok: false, code: 'invalid', fields: { relayVenueIds: vmsg('relayOutsideScope') } });
    expect(await relaysOf(bangkokSession)).toEqual(before);
    // The organiser may; then the manager's next save keeps it (unchanged) but cannot drop it.
    expect(
      await saveSession(
        t.db,
        organiser,
        EVENT,
        bangkokSession,
        await retitled(bangkokSession, 'Relayed', { relayVenueIds: [...before, nanning] }),
      ),
    ).toMatchObject({ ok: true });
    expect(await saveSession(t.db, manager, EVENT, bangkokSession, await retitled(bangkokSession, 'Kept'))).toMatchObject({ ok: true });
    expect(await relaysOf(bangkokSession)).toContain(nanning);
    const dropped = await saveSession(
      t.db,
      manager,
      EVENT,
      bangkokSession,
      await retitled(bangkokSession, 'Dropped', { relayVenueIds: before }),
    );
    expect(dropped).toMatchObject({ ok: false, code: 'invalid', fields: { relayVenueIds: vmsg('relayOutsideScope') } });
    expect(await relaysOf(bangkokSession)).toContain(nanning);
  });

  it('is offered the speakers by name and affiliation in the page’s language, never English inside Chinese', async () => {
    const labels = async (locale: string) => (await sessionEditorOptions(t.db, manager, EVENT, locale)).speakers.map((s) => s.label);
    expect(await labels('en')).toEqual(
      expect.arrayContaining(['Arunee Chaiyasit · MedLink Bangkok', 'Chanthavy Phommachanh · Ministry of Technology and Communications']),
    );
    const zh = await labels('zh');
    expect(zh).toEqual(expect.arrayContaining(['Arunee Chaiyasit', 'Chanthavy Phommachanh · 老挝技术与通信部']));
    expect(zh.join(' ')).not.toMatch(/MedLink|Ministry/);
  });

  it('sees only their venue’s registrations: the list, the detail, the export', async () => {
    const list = await listRegistrations(t.db, manager, EVENT, {}, page);
    expect(list.rows.map((r) => r.id)).toEqual([bangkokPerson]);
    expect(await registrationDetail(t.db, manager, EVENT, bangkokPerson)).not.toBeNull();
    expect(await registrationDetail(t.db, manager, EVENT, nanningPerson)).toBeNull();
    const csv = await csvOf(manager);
    expect(csv).toContain('pscope-bangkok@example.org');
    expect(csv).not.toContain('pscope-nanning@example.org');
    // The audit names the venues the export was limited to; an organiser's names none.
    await csvOf(organiser);
    const exports = await t.db
      .select({ actor: auditLog.actorUserId, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'registration.export'));
    expect(exports.find((e) => e.actor === manager.userId)?.details).toEqual({
      filters: {},
      venueIds: [(await venueBySlug(t.db, 'bangkok')).id],
    });
    expect(exports.find((e) => e.actor === organiser.userId)?.details).toEqual({ filters: {} });
    // The organiser's list has both: the scope is the manager's, not the data's.
    expect((await listRegistrations(t.db, organiser, EVENT, {}, page)).rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([bangkokPerson, nanningPerson]),
    );
  });

  it('a scope of no venue at all matches no registration, not every one', async () => {
    const [event] = await t.db.select({ id: registrations.eventId }).from(registrations).where(eq(registrations.id, bangkokPerson));
    const matched = (scope: string[]) =>
      t.db
        .select({ id: registrations.id })
        .from(registrations)
        .where(registrationConditions(event!.id, {}, { scope }));
    expect(await matched([])).toEqual([]);
    expect(await matched([(await venueBySlug(t.db, 'bangkok')).id])).toEqual([{ id: bangkokPerson }]);
  });

  it('cannot cancel or check in another venue’s registrant, and can their own', async () => {
    await refused(cancelRegistrationAsOrganiser(t.db, manager, EVENT, nanningPerson));
    const [kept] = await t.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, nanningPerson));
    expect(kept!.status).toBe('confirmed');
    expect((await checkIn(t.db, manager, EVENT, ticketCode(nanningPerson), { now })).outcome).toBe('other-venue');
    expect((await checkIn(t.db, manager, EVENT, ticketCode(bangkokPerson), { now })).outcome).toBe('checked-in');
    await refused(registrationDashboard(t.db, manager, EVENT));
  });

  it('of another event reaches nothing of this one', async () => {
    await refused(listRegistrations(t.db, otherManager, EVENT, {}, page));
    await refused(saveSession(t.db, otherManager, EVENT, bangkokSession, await retitled(bangkokSession, 'Foreign')));
    await refused(agendaOverview(t.db, otherManager, EVENT));
    await refused(checkIn(t.db, otherManager, EVENT, ticketCode(bangkokPerson), { now }));
  });
});

describe('a viewer', () => {
  it('reads the dashboard, the agenda and every registration, and is refused every write', async () => {
    expect((await registrationDashboard(t.db, viewer, EVENT)).event.slug).toBe(EVENT);
    expect((await agendaOverview(t.db, viewer, EVENT)).editable(bangkokSession)).toBe(false);
    expect((await listRegistrations(t.db, viewer, EVENT, {}, page)).rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([bangkokPerson, nanningPerson]),
    );
    await refused(saveSession(t.db, viewer, EVENT, bangkokSession, await retitled(bangkokSession, 'Viewer edit')));
    await refused(sessionFormValues(t.db, viewer, EVENT, bangkokSession));
    await refused(cancelRegistrationAsOrganiser(t.db, viewer, EVENT, nanningPerson));
    await refused(checkIn(t.db, viewer, EVENT, ticketCode(nanningPerson), { now }));
  });
});
