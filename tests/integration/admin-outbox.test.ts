import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { requestMagicLink } from '@/lib/auth/request-magic-link';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { auditQuerySchema, listAuditLog } from '@/lib/audit/list-audit';
import { eventOutboxMessage, listEventOutbox, outboxQuerySchema, resendEventMail } from '@/lib/mail-delivery/admin-outbox';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, rows } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.mail@forum.test', { eventSlug: EVENT, role: 'organiser' });
  for (let i = 0; i < 3; i++) await registerAttendee(t.db, EVENT, person(`outbox${i}`), { now: new Date('2026-12-01T00:00:00Z') });
  await registerAttendee(t.db, 'other-forum', person('elsewhere'), { now: new Date('2026-12-01T00:00:00Z') });
  await requestMagicLink(t.db, 'org.mail@forum.test');
});
afterAll(() => t?.close());

describe(`the organiser's outbox (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lists this event’s mail with its status and never another event’s mail or sign-in links', async () => {
    const list = await listEventOutbox(t.db, organiser, EVENT, {});
    expect(list.rows.map((r) => r.toAddress).sort()).toEqual(['poutbox0@example.org', 'poutbox1@example.org', 'poutbox2@example.org']);
    expect(list.counts).toEqual({ queued: 3 });
    expect(list.rows.every((r) => r.kind !== 'auth.magic-link')).toBe(true);
    expect((await listEventOutbox(t.db, organiser, EVENT, { q: 'outbox1' })).rows).toHaveLength(1);
    expect((await listEventOutbox(t.db, organiser, EVENT, { status: 'failed' })).rows).toHaveLength(0);
  });

  it('shows a message rendered, and resends a failed one under the same Message-ID and a sent one under a new one, audit-logged', async () => {
    const [first, second] = (await listEventOutbox(t.db, organiser, EVENT, {})).rows;
    await t.db
      .update(outbox)
      .set({ status: 'failed', attempts: 1, smtpResponse: '550 Mailbox unavailable' })
      .where(eq(outbox.id, first!.id));
    await t.db.update(outbox).set({ status: 'sent', attempts: 1, sentAt: new Date() }).where(eq(outbox.id, second!.id));
    const shown = await eventOutboxMessage(t.db, organiser, EVENT, first!.id);
    expect(shown?.message.html).toContain('Registration confirmed');

    const retried = await resendEventMail(t.db, organiser, EVENT, first!.id);
    expect(retried).toEqual({ ok: true, id: first!.id });
    expect((await t.db.select().from(outbox).where(eq(outbox.id, first!.id)))[0]!.status).toBe('queued');

    const copied = await resendEventMail(t.db, organiser, EVENT, second!.id);
    expect(copied.ok && copied.id).not.toBe(second!.id);
    const [copy] = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, (copied as { id: string }).id));
    const [original] = await t.db.select().from(outbox).where(eq(outbox.id, second!.id));
    expect(copy).toMatchObject({ status: 'queued', subject: original!.subject, html: original!.html, toAddress: original!.toAddress });
    expect(copy!.messageId).not.toBe(original!.messageId);
    expect(original!.status).toBe('sent');

    const audit = await listAuditLog(t.db, organiser, EVENT, {});
    expect(audit.rows.filter((r) => r.action === 'mail.resend')).toHaveLength(2);
    expect(audit.rows[0]!.actorEmail).toBe('org.mail@forum.test');
  });

  it('pages through mail and audit entries written within the same millisecond without skipping or repeating any', async () => {
    const [event] = rows<{ id: string }>(await t.db.execute(sql`select id from events where slug = ${EVENT}`));
    // 130 rows, one microsecond apart: the whole run fits in one millisecond, which a JavaScript Date cannot tell apart.
    await t.db.execute(sql`
      insert into outbox (event_id, kind, to_address, subject, html, text, message_id, created_at)
      select ${event!.id}::uuid, 'test.paging', 'paging' || g || '@example.org', 'Paging ' || g, 'x', 'x', '<paging' || g || '@hybrid-forum.local>',
             timestamptz '2026-12-02 03:04:05.123000+00' + g * interval '1 microsecond'
      from generate_series(1, 130) g`);
    await t.db.execute(sql`
      insert into audit_log (event_id, action, entity, at)
      select ${event!.id}::uuid, 'test.paging', 'registration', timestamptz '2026-12-02 03:04:05.123000+00' + g * interval '1 microsecond'
      from generate_series(1, 230) g`);
    const seenMail: string[] = [];
    let before: string | null | undefined;
    do {
      const page = await listEventOutbox(t.db, organiser, EVENT, outboxQuerySchema.parse({ q: 'Paging', ...(before ? { before } : {}) }));
      seenMail.push(...page.rows.map((r) => r.id));
      before = page.next;
    } while (before);
    expect(seenMail).toHaveLength(130);
    expect(new Set(seenMail).size).toBe(130);

    const seenAudit: string[] = [];
    before = undefined;
    do {
      const page = await listAuditLog(t.db, organiser, EVENT, auditQuerySchema.parse(before ? { before } : {}));
      seenAudit.push(...page.rows.filter((r) => r.action === 'test.paging').map((r) => r.id));
      before = page.next;
    } while (before);
    expect(seenAudit).toHaveLength(230);
    expect(new Set(seenAudit).size).toBe(230);
  });

  it('refuses anonymous users, attendees, check-in staff, speakers and organisers of another event', async () => {
    const [row] = (await listEventOutbox(t.db, organiser, EVENT, {})).rows;
    const refused = [
      null,
      await actorFor(t.db, 'attendee@example.org'),
      await actorFor(t.db, 'desk@forum.test', { eventSlug: EVENT, role: 'checkin' }),
      await actorFor(t.db, 'talker@forum.test', { eventSlug: EVENT, role: 'speaker' }),
      await actorFor(t.db, 'org@other.test', { eventSlug: 'other-forum', role: 'organiser' }),
    ];
    for (const actor of refused) {
      await expect(listEventOutbox(t.db, actor, EVENT, {})).rejects.toBeInstanceOf(AuthorizationError);
      await expect(eventOutboxMessage(t.db, actor, EVENT, row!.id)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(resendEventMail(t.db, actor, EVENT, row!.id)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(listAuditLog(t.db, actor, EVENT, {})).rejects.toBeInstanceOf(AuthorizationError);
    }
    // The other event's organiser cannot reach this event's mail through their own event either.
    const stranger = refused[4]!;
    expect(await eventOutboxMessage(t.db, stranger, 'other-forum', row!.id)).toBeNull();
    expect(await resendEventMail(t.db, stranger, 'other-forum', row!.id)).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such mail in this event',
    });
  });
});
