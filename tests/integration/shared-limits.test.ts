// The limits the edges apply (lib/edge/rate-limits.ts): on PostgreSQL counted in the rate_limits
// table, one budget for every app instance; on PGlite (one process) in memory. The same numbers on
// both. tests/fault/fleet.test.ts checks the registration limit across three instances behind nginx.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '@/db/schema';
import { useDatabase } from '@/lib/database/process-database';
import { countWrongTicketCode, overLimit, overWrongTicketCodes } from '@/lib/edge/rate-limits';
import { CLIENT_ADDRESS_HEADER } from '@/lib/security/client-address';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
});

afterAll(async () => {
  await t?.close();
});

const countedInDatabase = async (key: string) => (await t.db.select().from(rateLimits).where(eq(rateLimits.key, key)))[0]?.count ?? 0;

describe(`edge limits (${usingPostgres ? 'PostgreSQL: shared' : 'PGlite: in memory'})`, () => {
  it('registrations: 20 a minute per client address, then refused with the wait; another address is not slowed', async () => {
    const address = `client-${randomUUID()}`;
    const from = (client: string) => new Headers({ [CLIENT_ADDRESS_HEADER]: client });
    for (let i = 0; i < 20; i++) expect(await overLimit('registration', from(address))).toBeNull();
    const refused = await overLimit('registration', from(address));
    expect(refused).toMatchObject({ ok: false, code: 'rate-limited' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await overLimit('registration', from(`${address}-other`))).toBeNull();
    expect(await countedInDatabase(`registration:client:${address}`)).toBe(usingPostgres ? 20 : 0);
  });

  it('wrong ticket codes: ten a minute per desk (only wrong codes are counted), another desk is not slowed', async () => {
    const desk = randomUUID();
    for (let i = 0; i < 10; i++) {
      expect(await overWrongTicketCodes(desk)).toBeNull();
      await countWrongTicketCode(desk);
    }
    expect(await overWrongTicketCodes(desk)).toMatchObject({ ok: false, code: 'rate-limited' });
    expect(await overWrongTicketCodes(randomUUID())).toBeNull();
    expect(await countedInDatabase(`wrong-ticket-code:${desk}`)).toBe(usingPostgres ? 10 : 0);
  });
});
