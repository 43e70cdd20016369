import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoForum } from '@/lib/demo/seed';
import { describeAudit, type AuditWords } from '@/lib/audit/describe-audit';
import { listAuditLog } from '@/lib/audit/list-audit';
import type { Actor } from '@/lib/auth/sessions';
import { loadMessages } from '@/lib/i18n/messages';
import { eraseRegistrations } from '@/lib/retention/erase-registration';
import { cancelRegistration, changeRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.audit@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

/** The audit page's sentences, newest first, as the organiser reads them in English. */
async function sentences() {
  const tr = createTranslator({ locale: 'en', messages: loadMessages('en'), namespace: 'adminAudit' as never }) as unknown as ((
    key: string,
    values?: Record<string, string | number>,
  ) => string) & { has: (key: string) => boolean };
  const words: AuditWords = {
    someone: tr('someone'),
    online: tr('online'),
    erased: tr('erased'),
    field: (key) => (tr.has(`fields.${key}`) ? tr(`fields.${key}`) : key),
    conflict: (kind) => (tr.has(`conflictKinds.${kind}`) ? tr(`conflictKinds.${kind}`) : kind),
    change: (key, values) => tr(`selfChange.${key}`, values),
  };
  const log = await listAuditLog(t.db, organiser, EVENT, { entity: 'registration' });
  return log.rows.map((row) => {
    const { key, values } = describeAudit(row, 'en', log.lookup, words);
    return { action: row.action, actorEmail: row.actorEmail, entityId: row.entityId, text: tr(`sentences.${key}`, values) };
  });
}

describe(`attendee actions in the audit log (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('registering, changing and cancelling from the manage link each leave an entry worded for the organiser', async () => {
    const keynote = await sessionBySlug(t.db, 'keynote-ai-public-health');
    const registered = await registerAttendee(t.db, EVENT, person('audit-1', { mode: 'in_person', venue: 'tokyo', sessions: [keynote] }), {
      now: new Date('2026-12-01T00:00:00Z'),
    });
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    const id = registered.registration.id;
    let log = await sentences();
    expect(log[0]).toMatchObject({ action: 'registration.create', actorEmail: null, entityId: id });
    expect(log[0]!.text).toMatch(/^Participant audit-1 \(paudit-1@example\.org\) registered to attend in person at .*Tokyo.*\.$/);

    // Saving without a change records nothing.
    expect(await changeRegistration(t.db, id, { mode: 'in_person', venue: 'tokyo', sessions: [keynote] })).toMatchObject({ ok: true });
    expect((await sentences()).filter((e) => e.entityId === id)).toHaveLength(1);

    expect(await changeRegistration(t.db, id, { mode: 'online', venue: null, sessions: [keynote] })).toMatchObject({ ok: true });
    log = await sentences();
    expect(log[0]).toMatchObject({ action: 'registration.self-change', actorEmail: null, entityId: id });
    expect(log[0]!.text).toMatch(
      /^The registrant Participant audit-1 \(paudit-1@example\.org\) changed their registration: venue .*Tokyo.* → Online\.$/,
    );

    // Sessions added and removed are named, the venue is not when it stays.
    const opening = await sessionBySlug(t.db, 'opening-ceremony');
    expect(await changeRegistration(t.db, id, { mode: 'online', venue: null, sessions: [opening] })).toMatchObject({ ok: true });
    log = await sentences();
    expect(log[0]).toMatchObject({ action: 'registration.self-change', entityId: id });
    expect(log[0]!.text).toMatch(
      /changed their registration: added “Opening Ceremony”; dropped “Keynote: AI for Public Health in Southeast Asia”\.$/,
    );
    const entries = await listAuditLog(t.db, organiser, EVENT, { entity: 'registration' });
    expect(entries.rows[0]!.details).toEqual({
      mode: { from: 'online', to: 'online' },
      venue: { from: null, to: null },
      added: [opening],
      removed: [keynote],
    });

    expect(await cancelRegistration(t.db, id)).toMatchObject({ ok: true });
    expect((await listAuditLog(t.db, organiser, EVENT, { entity: 'registration' })).rows[0]!.details).toEqual({
      previousStatus: 'confirmed',
    });
    log = await sentences();
    expect(log[0]).toMatchObject({ action: 'registration.self-cancel', entityId: id });
    expect(log[0]!.text).toBe('The registrant Participant audit-1 (paudit-1@example.org) cancelled their registration.');
    // A second cancel changes nothing and records nothing.
    await cancelRegistration(t.db, id);
    expect((await sentences()).filter((e) => e.entityId === id).map((e) => e.action)).toEqual([
      'registration.self-cancel',
      'registration.self-change',
      'registration.self-change',
      'registration.create',
    ]);

    // A move between venues with the same sessions is recorded too.
    const mover = await registerAttendee(t.db, EVENT, person('audit-2', { mode: 'in_person', venue: 'tokyo', sessions: [] }), {
      now: new Date('2026-12-01T00:00:00Z'),
    });
    if (!mover.ok) throw new Error(JSON.stringify(mover));
    expect(await changeRegistration(t.db, mover.registration.id, { mode: 'in_person', venue: 'seoul', sessions: [] })).toMatchObject({
      ok: true,
    });
    const moved = (await sentences()).filter((e) => e.entityId === mover.registration.id);
    expect(moved.map((e) => e.action)).toEqual(['registration.self-change', 'registration.create']);
    expect(moved[0]!.text).toMatch(/changed their registration: venue .*Tokyo.* → .*Seoul.*\.$/);

    // Erasing the registration erases the name from the log too: the entries hold no name or address.
    await t.db.transaction((tx) => eraseRegistrations(tx, [id], new Date()));
    const erased = (await sentences()).filter((e) => e.entityId === id);
    expect(erased.map((e) => e.text).join('\n')).not.toMatch(/audit-1/);
    expect(erased[0]!.text).toBe('The registrant (name erased) cancelled their registration.');
  });
});
