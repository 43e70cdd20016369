import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { registrationsCsvResponse } from '@/lib/registration/admin/csv-response';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';

// The registrations CSV export answers with a stream that reads the rows in batches as the client
// takes them (lib/registration/admin/export.ts): the server holds one batch, not the file. The bench
// measures its RSS over 50,000 rows; this pins that the route answers before reading the rows.

const ROWS = 2_500;
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24' });
  await registerAttendee(t.db, EVENT, person('csv-stream'));
  const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
  const [model] = await t.db.select().from(registrations).where(eq(registrations.eventId, event!.id)).limit(1);
  for (let start = 0; start < ROWS; start += 500) {
    await t.db.insert(registrations).values(
      Array.from({ length: 500 }, (_, i) => ({
        ...model!,
        id: randomUUID(),
        email: `csv.stream.${start + i}@example.org`,
        name: `CSV Stream ${start + i}`,
        manageTokenHash: randomUUID(),
        shortCode: `S${String(start + i).padStart(7, '0')}`,
        createdAt: new Date(Date.UTC(2026, 10, 1) + (start + i) * 1000),
      })),
    );
  }
});
afterAll(() => t?.close());

const decoder = new TextDecoder();
const recordsIn = (text: string) => text.split('\r\n').filter((line) => line.includes('CSV Stream')).length;

describe('registrations CSV export', () => {
  it('answers with a stream that reads one batch of rows per chunk the client takes, not the whole file first', async () => {
    const organiser = await actorFor(t.db, 'org.csv-stream@forum.test', { eventSlug: EVENT, role: 'organiser' });
    const response = await registrationsCsvResponse(t.db, organiser, EVENT, new URLSearchParams());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.body).toBeInstanceOf(ReadableStream);
    const reader = response.body!.getReader();
    // The header first, then a batch of 1,000 rows per read: the rows are read as they are taken.
    const header = decoder.decode((await reader.read()).value);
    expect(header).toContain('created_at_utc');
    expect(recordsIn(header)).toBe(0);
    const first = decoder.decode((await reader.read()).value);
    expect(recordsIn(first)).toBe(1000);
    const second = decoder.decode((await reader.read()).value);
    expect(recordsIn(second)).toBe(1000);
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(recordsIn(first) + recordsIn(second) + recordsIn(rest)).toBe(ROWS);
  });
});
