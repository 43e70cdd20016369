import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { events, registrations, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { createEvent } from '@/lib/events/admin/create-event';
import { actorFor } from './actors';

/** A second forum (a draft in Xiamen, with an online venue) and its creator, who organises it. */
export async function anotherForum(db: Db, slug: string): Promise<{ eventId: string; organiser: Actor }> {
  const creator = await actorFor(db, `creator.${slug}@forum.test`);
  await db.update(users).set({ canCreateEvents: true }).where(eq(users.id, creator.userId));
  const organiser = { ...creator, canCreateEvents: true };
  const created = await createEvent(db, organiser, {
    name: { en: 'Another Forum' },
    slug,
    firstDay: '2027-03-10',
    lastDay: '2027-03-11',
    venueNameEn: 'Hall',
    venueCityEn: 'Xiamen',
    venueCountry: 'cn',
    venueTimeZone: 'asia/shanghai',
    venueCapacity: '400',
    withOnline: true,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return { eventId: event!.id, organiser };
}

/** A confirmed online registration in `eventId` (another forum's), written straight to the table: that forum has no published programme to register through. */
export async function foreignRegistration(db: Db, eventId: string, email: string): Promise<string> {
  const [row] = await db
    .insert(registrations)
    .values({
      eventId,
      name: 'Elsewhere',
      email,
      organisation: '',
      jobTitle: '',
      country: 'CN',
      participantType: 'government',
      mode: 'online',
      status: 'confirmed',
      locale: 'en',
      consentAt: new Date('2026-12-01T00:00:00Z'),
      manageTokenHash: randomUUID(),
    })
    .returning({ id: registrations.id });
  return row!.id;
}
