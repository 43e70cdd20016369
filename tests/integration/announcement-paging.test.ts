// An announcement to more registrants than one page of its recipients (1,000): every registrant gets
// exactly one mail, across pages whose boundary falls inside a run of registrations made at the same
// instant (the page's cursor is the registration time and its id, not the time alone).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, outbox } from '@/db/schema';
import { queueAnnouncement } from '@/lib/registration/admin/announcement';
import { anotherForum } from '../helpers/another-forum';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const SLUG = 'announcement-paging';
const RECIPIENTS = 2_001;
let t: TestDatabase;
let forum: Awaited<ReturnType<typeof anotherForum>>;

beforeAll(async () => {
  t = await createTestDatabase();
  forum = await anotherForum(t.db, SLUG);
  // Registrations 900–1,100 share one instant, so the first page ends inside that run.
  await t.db.execute(sql`
    insert into registrations (event_id, email, name, organisation, job_title, country, participant_type, mode, status, locale, consent_at, manage_token_hash, created_at)
    select ${forum.eventId}, 'paged' || i || '@example.org', 'Paged ' || i, '', '', 'TH', 'young_scientist', 'online', 'confirmed', 'en', now(), md5(${SLUG} || i),
           timestamptz '2026-12-01 00:00:00+00' + make_interval(secs => case when i between 900 and 1100 then 900 else i end)
    from generate_series(1, ${RECIPIENTS}) as i`);
});
afterAll(() => t?.close());

it('queues one mail for each of 2,001 registrants, none twice, none left out, and audits the count', async () => {
  const result = await queueAnnouncement(t.db, forum.organiser, SLUG, {
    subject: 'Programme booklet',
    body: 'The booklet is online.',
    filters: {},
  });
  expect(result).toEqual({ ok: true, queued: RECIPIENTS });
  const mails = await t.db.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.subject, 'Programme booklet'));
  const addresses = new Set(mails.map((m) => m.to));
  expect(mails).toHaveLength(RECIPIENTS);
  expect(addresses.size).toBe(RECIPIENTS);
  expect(addresses.has('paged1@example.org') && addresses.has(`paged${RECIPIENTS}@example.org`)).toBe(true);
  const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'announcement.queue'));
  expect(audit!.details).toMatchObject({ subject: 'Programme booklet', recipients: RECIPIENTS });
});
