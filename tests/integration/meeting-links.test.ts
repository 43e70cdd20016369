// Who matchmaking sees behind a manage link, and what a pasted link opens: only a confirmed or
// checked-in, not erased registration takes part (a forged link, an unknown, cancelled, pending or
// erased registration: nobody); a bare token is accepted only whole; a link that does not decode is
// nobody. And the small schemas the meeting forms share: a checkbox sent as text, an https link only,
// a meeting time that ends after it starts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { meetingSlotInputSchema } from '@/lib/meetings/admin/slot-schema';
import { meetingsPathFromLink } from '@/lib/meetings/open-from-link';
import { participantForToken } from '@/lib/meetings/participant';
import { meetingRequestSchema, meetingUrlSchema } from '@/lib/meetings/request-schema';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { person, registeredId } from '../helpers/registration';
import { fieldsOf } from '../helpers/results';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let confirmed: string;
let checkedIn: string;
let cancelled: string;
let erased: string;
let pending: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  const online = (n: string, extra: Record<string, unknown> = {}) =>
    registeredId(t.db, person(n, { mode: 'online', venue: null, ...extra }), now);
  [confirmed, checkedIn, cancelled, erased] = [
    await online('ml-ok'),
    await online('ml-in'),
    await online('ml-cancelled'),
    await online('ml-erased'),
  ];
  const [approval] = await t.db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: 'Links approval' }, requiresApproval: true })
    .returning();
  pending = await online('ml-pending', { category: approval!.id });
  await t.db.update(registrations).set({ status: 'checked_in', checkedInAt: now }).where(eq(registrations.id, checkedIn));
  await t.db.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, cancelled));
  await t.db.update(registrations).set({ erasedAt: now }).where(eq(registrations.id, erased));
});
afterAll(() => t?.close());

describe('the person behind a manage link', () => {
  it('is a confirmed or checked-in registration; nobody for a forged link or one that may not meet', async () => {
    expect((await participantForToken(t.db, manageTokenFor(confirmed)))?.id).toBe(confirmed);
    expect((await participantForToken(t.db, manageTokenFor(checkedIn)))?.id).toBe(checkedIn);
    for (const token of [
      'forged',
      manageTokenFor(randomUUID()),
      manageTokenFor(cancelled),
      manageTokenFor(pending),
      manageTokenFor(erased),
    ])
      expect(await participantForToken(t.db, token)).toBeNull();
  });

  it('only someone who may meet opts in to matchmaking', async () => {
    for (const id of [cancelled, pending, erased, randomUUID()])
      expect(fieldsOf(await saveMatchmakingProfile(t.db, id, { sectors: ['big-health'], interests: '' }, now))).toEqual({
        sectors: 'meetingNotConfirmed',
      });
    expect(await saveMatchmakingProfile(t.db, checkedIn, { sectors: ['big-health'], interests: '' }, now)).toEqual({ ok: true });
  });
});

describe('a pasted link', () => {
  const target = `person:${randomUUID()}`;
  const open = (link: string) => meetingsPathFromLink(t.db, eventId, { link, with: target });

  it('opens the meetings page for a whole link, a path, or the bare token alone', async () => {
    const token = manageTokenFor(confirmed);
    const page = `/manage/${encodeURIComponent(token)}/meetings?with=${encodeURIComponent(target)}#request`;
    expect(await open(`https://forum.example/manage/${token}`)).toBe(page);
    expect(await open(token)).toBe(page);
    expect(await open(`  ${token}  `)).toBe(page);
  });

  it('is nobody for a token with anything around it, a short one, one that does not decode, or someone who may not meet', async () => {
    const token = manageTokenFor(confirmed);
    for (const link of [
      `x ${token}`,
      `${token} x`,
      `<${token}>`,
      token.slice(0, 19),
      '/manage/%E0%A4%A',
      '%E0%A4%A'.repeat(3),
      manageTokenFor(cancelled),
    ])
      expect(await open(link)).toBeNull();
  });
});

describe('the meeting forms’ schemas', () => {
  const request = (online: unknown) =>
    meetingRequestSchema.parse({ with: `person:${randomUUID()}`, slotId: randomUUID(), message: '', online }).online;

  it('read a ticked checkbox sent as true, "on" or "true", anything else as not ticked', () => {
    expect([true, 'on', 'true'].map(request)).toEqual([true, true, true]);
    expect([false, 'off', 'false', '', undefined].map(request)).toEqual([false, false, false, false, false]);
  });

  it('take a meeting link only whole and https; a time that ends after it starts', () => {
    expect(meetingUrlSchema.safeParse('https://meet.example.org/abc').success).toBe(true);
    expect(meetingUrlSchema.safeParse('').success).toBe(true);
    for (const url of ['see https://meet.example.org/abc', 'http://meet.example.org', 'https://meet.example.org/a b'])
      expect(meetingUrlSchema.safeParse(url).success).toBe(false);
    const slot = (start: string, end: string) =>
      meetingSlotInputSchema.safeParse({ venueId: randomUUID(), label: 'Block', date: '2026-12-30', start, end, tables: '2' }).success;
    expect([slot('09:00', '09:30'), slot('09:00', '09:00'), slot('09:30', '09:00')]).toEqual([true, false, false]);
  });
});
