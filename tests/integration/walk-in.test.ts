// Walk-ins at the desk go through the one registration path: a place at the desk's venue if the
// seat lock finds one (then admitted at once), its waitlist if not (not admitted, never oversold),
// also after online registration has closed; staff of one venue take walk-ins for theirs only.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, registrations, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { registerWalkIn } from '@/lib/checkin/walk-in';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let bangkokDesk: Actor;
let bangkok: { id: string; capacity: number | null };

const walkIn = (n: string, venueId: string) => ({
  name: `Walk-in ${n}`,
  email: `walkin.${n}@example.org`,
  organisation: 'Chulalongkorn University',
  country: 'TH',
  participantType: 'university',
  locale: 'en',
  consent: true,
  venueId,
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  bangkok = await venueBySlug(t.db, 'bangkok');
  bangkokDesk = await actorFor(t.db, 'desk.bkk@forum.test', { eventSlug: EVENT, role: 'checkin', venueId: bangkok.id });
});
afterAll(() => t?.close());

describe(`walk-in (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('registers and admits a walk-in at the desk’s venue', async () => {
    const result = await registerWalkIn(t.db, bangkokDesk, EVENT, walkIn('one', bangkok.id), now);
    expect(result).toMatchObject({
      ok: true,
      checkIn: { outcome: 'checked-in', person: { name: 'Walk-in one', venue: { slug: 'bangkok' } } },
    });
    const [row] = await t.db.select().from(registrations).where(eq(registrations.email, 'walkin.one@example.org'));
    expect(row).toMatchObject({ status: 'checked_in', mode: 'in_person' });
  });

  it('a full venue puts the walk-in on its waitlist, unadmitted; the venue is never oversold', async () => {
    const [{ confirmedCount }] = (await t.db
      .select({ confirmedCount: venues.confirmedCount })
      .from(venues)
      .where(eq(venues.id, bangkok.id))) as [{ confirmedCount: number }];
    await t.db.update(venues).set({ capacity: confirmedCount }).where(eq(venues.id, bangkok.id));
    try {
      expect(await registerWalkIn(t.db, bangkokDesk, EVENT, walkIn('full', bangkok.id), now)).toEqual({ ok: true, waitlisted: true });
      const [venue] = await t.db.select().from(venues).where(eq(venues.id, bangkok.id));
      expect(venue!.confirmedCount).toBe(confirmedCount);
    } finally {
      await t.db.update(venues).set({ capacity: bangkok.capacity }).where(eq(venues.id, bangkok.id));
    }
  });

  it('is taken on the forum’s days, after online registration has closed', async () => {
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    await t.db
      .update(events)
      .set({ registrationClosesAt: new Date('2026-11-30T00:00:00Z') })
      .where(eq(events.id, event!.id));
    try {
      expect(await registerWalkIn(t.db, bangkokDesk, EVENT, walkIn('late', bangkok.id), now)).toMatchObject({
        ok: true,
        checkIn: { outcome: 'checked-in' },
      });
    } finally {
      await t.db.update(events).set({ registrationClosesAt: event!.registrationClosesAt }).where(eq(events.id, event!.id));
    }
  });

  it('refuses another venue, missing consent and bad fields with field words', async () => {
    const nanning = await venueBySlug(t.db, 'nanning');
    await expect(registerWalkIn(t.db, bangkokDesk, EVENT, walkIn('elsewhere', nanning.id), now)).rejects.toBeInstanceOf(AuthorizationError);
    const refused = await registerWalkIn(t.db, bangkokDesk, EVENT, { ...walkIn('bad', bangkok.id), consent: false, email: 'nope' }, now);
    expect(refused).toMatchObject({ ok: false, code: 'invalid', fields: { email: 'email', consent: 'consent' } });
    expect(await t.db.select().from(registrations).where(eq(registrations.email, 'walkin.elsewhere@example.org'))).toEqual([]);
  });
});
