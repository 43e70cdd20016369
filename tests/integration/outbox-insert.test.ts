// The outbox insert (lib/mail/outbox.ts) as the database stores it: every field of every mail, rendered
// or stored as a template, one or many in one statement. Part of the fast mutation run.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox } from '@/db/schema';
import { enqueueMail, messageIdFor, outboxInsert } from '@/lib/mail/outbox';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let eventId: string;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 2 });
  const [event] = await t.db
    .insert(events)
    .values({
      slug: 'outbox',
      name: { en: 'Outbox' },
      theme: { en: 'Mail' },
      startsAt: new Date('2026-12-24T01:00:00Z'),
      endsAt: new Date('2026-12-25T10:00:00Z'),
      timeZone: 'Asia/Shanghai',
    })
    .returning({ id: events.id });
  eventId = event!.id;
});
afterAll(() => t?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe(`outbox insert (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('messageIdFor is a stable angle-bracketed Message-ID on the app domain', () => {
    expect(messageIdFor('abc')).toBe('<abc@hybrid-forum.local>');
  });

  it('enqueueMail stores a rendered mail with every field, queued and due now, and returns its id', async () => {
    const before = Date.now();
    const attachment = {
      filename: 'invite.ics',
      contentType: 'text/calendar',
      content: 'QkVHSU4=',
      encoding: 'base64' as const,
      method: 'REQUEST',
    };
    const id = await enqueueMail(t.db, {
      kind: 'notice',
      eventId,
      toAddress: 'ana@example.org',
      toName: 'Ana',
      subject: 'Hello',
      html: '<p>Hi</p>',
      text: 'Hi',
      attachments: [attachment],
    });
    expect(id).toMatch(UUID);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({
      kind: 'notice',
      eventId,
      registrationId: null,
      toAddress: 'ana@example.org',
      toName: 'Ana',
      subject: 'Hello',
      html: '<p>Hi</p>',
      text: 'Hi',
      template: null,
      payload: null,
      attachments: [attachment],
      messageId: `<${id}@hybrid-forum.local>`,
      status: 'queued',
      attempts: 0,
    });
    expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(before - 60_000);
  });

  it('a mail stored as a template keeps its payload as JSON and no rendered text; defaults fill the rest', async () => {
    const id = await enqueueMail(t.db, {
      kind: 'registration',
      toAddress: 'bo@example.org',
      subject: 'Registered',
      template: 'registration',
      payload: { kind: 'confirmed', n: 1 },
    });
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({
      eventId: null,
      registrationId: null,
      toName: '',
      html: null,
      text: null,
      template: 'registration',
      payload: { kind: 'confirmed', n: 1 },
      attachments: [],
    });
  });

  it('outboxInsert queues many mails in one statement, each with its own id and Message-ID', async () => {
    const mails = ['c1', 'c2', 'c3'].map((name) => ({
      kind: 'bulk',
      eventId,
      toAddress: `${name}@example.org`,
      toName: name,
      subject: `To ${name}`,
      html: `<p>${name}</p>`,
      text: name,
    }));
    const { ids, insert } = outboxInsert(mails);
    expect(new Set(ids).size).toBe(3);
    await t.db.execute(insert);
    const stored = await t.db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(Object.fromEntries(stored.map((r) => [r.id, [r.toAddress, r.toName, r.subject, r.text, r.messageId]]))).toEqual(
      Object.fromEntries(ids.map((id, i) => [id, [`c${i + 1}@example.org`, `c${i + 1}`, `To c${i + 1}`, `c${i + 1}`, messageIdFor(id)]])),
    );
    const { ids: none, insert: empty } = outboxInsert([]);
    expect(none).toEqual([]);
    const [before] = await t.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    await t.db.execute(empty);
    const [after] = await t.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    expect(Number(after!.n)).toBe(Number(before!.n));
  });

  it('each mail keeps the request that queued it (or none outside a request), for following it to its SMTP send', async () => {
    const base = { kind: 'traced', eventId, subject: 'Traced', html: '<p>t</p>', text: 't' };
    const { ids, insert } = outboxInsert([
      { ...base, toAddress: 'r1@example.org', requestId: 'request-0001' },
      { ...base, toAddress: 'r2@example.org', requestId: 'request-0002' },
      { ...base, toAddress: 'r3@example.org' },
    ]);
    await t.db.execute(insert);
    const stored = await t.db.select({ id: outbox.id, requestId: outbox.requestId }).from(outbox).where(inArray(outbox.id, ids));
    expect(Object.fromEntries(stored.map((r) => [r.id, r.requestId]))).toEqual({
      [ids[0]!]: 'request-0001',
      [ids[1]!]: 'request-0002',
      [ids[2]!]: null,
    });
    // Outside a request (the worker, a script) enqueueMail stores none unless told.
    const told = await enqueueMail(t.db, { ...base, toAddress: 'r4@example.org', requestId: 'request-0004' });
    const untold = await enqueueMail(t.db, { ...base, toAddress: 'r5@example.org' });
    const [a] = await t.db.select({ requestId: outbox.requestId }).from(outbox).where(eq(outbox.id, told));
    const [b] = await t.db.select({ requestId: outbox.requestId }).from(outbox).where(eq(outbox.id, untold));
    expect([a?.requestId, b?.requestId]).toEqual(['request-0004', null]);
  });

  it('a mail queued in a transaction that rolls back is not stored', async () => {
    let id = '';
    await expect(
      t.db.transaction(async (tx) => {
        id = await enqueueMail(tx, { kind: 'notice', toAddress: 'x@example.org', subject: 'Lost', html: 'x', text: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.db.select().from(outbox).where(eq(outbox.id, id))).toEqual([]);
  });
});
