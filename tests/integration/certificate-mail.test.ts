// Certificates sent to every attendee by mail in one action (docs/architecture.md, "Certificates"):
// only after the event, only by its organisers; one mail per checked-in attendee through the outbox,
// delivered over real SMTP, in the attendee's language, with the link to their PDF and the
// verification URL; pressed twice, or by two organisers at once (a forced race), each attendee is
// mailed once; the negative control without the marker's condition mails them twice.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, outbox } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { certificateForManageToken, certificateVerifyUrl, verifyCertificate } from '@/lib/certificates/certificate';
import {
  certificateMailCounts,
  markMailedOnce,
  markMailedWithoutCondition,
  readOwed,
  sendCertificates,
} from '@/lib/certificates/send-certificates';
import { checkIn } from '@/lib/checkin/check-in';
import { undoCheckIn } from '@/lib/checkin/undo';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, rows, venueBySlug } from '../helpers/registration';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';
import { startSmtpServer } from '../helpers/smtp';

const registeredAt = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let organiser2: Actor;
let bangkokDesk: Actor;
let viewer: Actor;
let otherOrganiser: Actor;
let endsAt: Date;
let after: Date;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 20 });
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.cert@forum.test', { eventSlug: EVENT, role: 'organiser' });
  organiser2 = await actorFor(t.db, 'org2.cert@forum.test', { eventSlug: EVENT, role: 'organiser' });
  viewer = await actorFor(t.db, 'viewer.cert@forum.test', { eventSlug: EVENT, role: 'viewer' });
  otherOrganiser = await actorFor(t.db, 'other.cert@forum.test', { eventSlug: 'other-forum', role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk.cert@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
  const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
  endsAt = event!.endsAt;
  after = new Date(endsAt.getTime() + 3_600_000);
});
afterAll(() => t?.close());

/** Registered at Bangkok and, unless told otherwise, checked in on the forum's last day. */
async function attendee(n: string, overrides: Record<string, unknown> = {}, checkedIn = true) {
  const result = await registerAttendee(t.db, EVENT, person(n, { venue: 'bangkok', ...overrides }), { now: registeredAt });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const id = result.registration.id;
  if (checkedIn) await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { now: new Date(endsAt.getTime() - 86_400_000) });
  return id;
}

/** Certificate mails queued per registration. */
async function mailsPer(): Promise<Map<string, number>> {
  const counted = rows<{ id: string; n: number }>(
    await t.db.execute(
      sql`select registration_id as id, count(*)::int as n from outbox where kind = 'certificate' and event_id = ${eventId} group by registration_id`,
    ),
  );
  return new Map(counted.map((r) => [r.id, r.n]));
}

describe(`certificates sent by mail (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('mails every checked-in attendee once, over SMTP, in their language, with the PDF link and the verification URL; pressed again, nobody twice', async () => {
    const pim = await attendee('cert-th', { name: 'พิมพ์ ศรีสุข', locale: 'th' });
    const ann = await attendee('cert-en', { name: 'Ann Lee' });
    const lan = await attendee('cert-vi', { name: 'Nguyễn Thị Lan', locale: 'vi' });
    const absent = await attendee('cert-absent', {}, false);
    const undone = await attendee('cert-undone');
    expect((await undoCheckIn(t.db, bangkokDesk, EVENT, undone)).outcome).toBe('undone');

    // Before the end: refused with the reason, nothing queued; others than its organisers: refused.
    expect(await sendCertificates(t.db, organiser, EVENT, { now: new Date(endsAt.getTime() - 60_000) })).toEqual({
      ok: false,
      code: 'conflict',
      error: 'certificatesNotYet',
    });
    for (const who of [viewer, bangkokDesk, otherOrganiser, null])
      await expect(sendCertificates(t.db, who, EVENT, { now: after })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await mailsPer()).toEqual(new Map());
    expect(await certificateMailCounts(t.db, eventId)).toEqual({ owed: 3, mailed: 0 });

    // Batches of two: the three attendees still each get one mail.
    expect(await sendCertificates(t.db, organiser, EVENT, { now: after, batch: 2 })).toEqual({ ok: true, sent: 3, mailedBefore: 0 });
    expect(await mailsPer()).toEqual(
      new Map([
        [pim, 1],
        [ann, 1],
        [lan, 1],
      ]),
    );
    expect((await mailsPer()).has(absent)).toBe(false);
    expect((await mailsPer()).has(undone)).toBe(false);
    // Pressed again: nothing more.
    expect(await sendCertificates(t.db, organiser2, EVENT, { now: after })).toEqual({ ok: true, sent: 0, mailedBefore: 3 });
    expect([...(await mailsPer()).values()]).toEqual([1, 1, 1]);
    expect(await certificateMailCounts(t.db, eventId)).toEqual({ owed: 0, mailed: 3 });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.send'), eq(auditLog.eventId, eventId)));
    expect(audit.map((a) => [a.actorUserId, a.details])).toEqual([[organiser.userId, { count: 3 }]]);

    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    const certificateMail = (address: string) =>
      smtp.received.filter((m) => m.envelope.to.includes(address) && /certificate|ใบรับรอง|chứng nhận/i.test(m.parsed.subject ?? ''));
    const [thai] = certificateMail('pcert-th@example.org');
    expect(certificateMail('pcert-th@example.org')).toHaveLength(1);
    expect(thai!.parsed.subject).toContain('ใบรับรองการเข้าร่วม');
    expect(thai!.parsed.text).toContain(`/manage/${manageTokenFor(pim)}/certificate.pdf`);
    expect(thai!.parsed.text).toContain(certificateVerifyUrl(pim));
    // The link is the certificate; no PDF travels with the mail.
    expect(thai!.parsed.attachments).toEqual([]);
    const [english] = certificateMail('pcert-en@example.org');
    expect(english!.parsed.subject).toMatch(/^Your certificate of attendance for /);
    expect(english!.parsed.to && 'text' in english!.parsed.to ? english!.parsed.to.text : '').toBe('"Ann Lee" <pcert-en@example.org>');
    expect(certificateMail('pcert-vi@example.org')[0]!.parsed.subject).toMatch(/^Giấy chứng nhận tham dự /);
    expect(certificateMail('pcert-absent@example.org')).toEqual([]);
    expect(certificateMail('pcert-undone@example.org')).toEqual([]);

    // What the link and the URL lead to: the PDF, and the valid certificate.
    expect(await certificateForManageToken(t.db, manageTokenFor(ann), 'en', after)).toMatchObject({ ok: true });
    expect(await verifyCertificate(t.db, certificateVerifyUrl(ann).split('/').pop()!, 'en', after)).toMatchObject({
      valid: true,
      name: 'Ann Lee',
    });
  });

  it('two organisers pressing at the same moment: each attendee mailed once', async () => {
    const ids = [await attendee('cert-race-1'), await attendee('cert-race-2'), await attendee('cert-race-3')];
    // The read takes no lock, so on PostgreSQL wait for the second organiser as long as the negative
    // control does: a short wait lets the first mark before the second reads, and the race is not run.
    const gate = meetingGate(readOwed, 2, usingPostgres ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const steps = { read: gate.read, mark: markMailedOnce };
    const [one, two] = await Promise.all([
      sendCertificates(t.db, organiser, EVENT, { now: after, steps }),
      sendCertificates(t.db, organiser2, EVENT, { now: after, steps }),
    ]);
    if (!one.ok || !two.ok) throw new Error('refused');
    if (usingPostgres) expect(gate.mostAtOnce()).toBe(2);
    expect(one.sent + two.sent).toBe(3);
    const per = await mailsPer();
    expect(ids.map((id) => per.get(id))).toEqual([1, 1, 1]);
  });

  it.runIf(usingPostgres)('negative control: without the marker’s condition both organisers mail every attendee', async () => {
    const ids = [await attendee('cert-neg-1'), await attendee('cert-neg-2')];
    const gate = meetingGate(readOwed, 2, WAIT_FOR_ALL_UNLOCKED_MS);
    const steps = { read: gate.read, mark: markMailedWithoutCondition };
    const [one, two] = await Promise.all([
      sendCertificates(t.db, organiser, EVENT, { now: after, steps }),
      sendCertificates(t.db, organiser2, EVENT, { now: after, steps }),
    ]);
    expect(gate.mostAtOnce()).toBe(2);
    expect(one.ok && two.ok && one.sent + two.sent).toBe(4);
    const per = await mailsPer();
    expect(ids.map((id) => per.get(id))).toEqual([2, 2]);
    // The outbox holds the symptom: two queued mails for the same attendee.
    const queued = await t.db.select().from(outbox).where(eq(outbox.registrationId, ids[0]!));
    expect(queued.filter((m) => m.kind === 'certificate')).toHaveLength(2);
  });
});
