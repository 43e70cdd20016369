// What a registration may choose, and the words of each refusal: the message key with the session's
// title in every language the form speaks (lib/registration/choices.ts), the event's own state
// (lib/registration/register.ts), and what the answer says of the place taken.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, sessions } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { pick } from '@/lib/i18n/text';
import { registrationsTotal } from '@/lib/observability/metrics';
import { registerAttendee } from '@/lib/registration/register';
import { readValidationMessage } from '@/lib/validation/message-keys';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

const register = (tag: string, overrides: Record<string, unknown>, options: { atDesk?: boolean } = {}) =>
  registerAttendee(t.db, EVENT, person(tag, overrides), { now, ...options });

/** The session's title as each language's message names it: {session} in English, {sessionZh}, {sessionJa}… */
async function namesOf(slug: string) {
  const [row] = await t.db.select({ title: sessions.title }).from(sessions).where(eq(sessions.slug, slug));
  const title = row!.title;
  return {
    session: title.en,
    sessionZh: pick(title, 'zh'),
    sessionJa: pick(title, 'ja'),
    sessionKo: pick(title, 'ko'),
    sessionTh: pick(title, 'th'),
    sessionVi: pick(title, 'vi'),
  };
}

describe(`registration choices and their refusals (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('in person needs a venue of the forum that has a site', async () => {
    expect(await register('choice-no-venue', { venue: null })).toEqual({
      ok: false,
      code: 'invalid',
      error: expect.any(String),
      fields: { venue: 'venueRequired' },
    });
    for (const venue of ['online', 'atlantis'])
      expect(await register(`choice-venue-${venue}`, { venue })).toMatchObject({
        ok: false,
        code: 'invalid',
        fields: { venue: 'venueNotOnSite' },
      });
  });

  it('a session held at another venue, not relayed to this one, is refused with its title in every language', async () => {
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const refused = await register('choice-elsewhere', { venue: 'tokyo', sessions: [workshop] });
    expect(refused).toMatchObject({ ok: false, code: 'invalid' });
    const message = readValidationMessage((refused as unknown as { fields: { sessions: string } }).fields.sessions);
    expect(message).toEqual({ key: 'sessionNotAtVenue', values: await namesOf('young-scientists-workshop') });
    expect(message.values.sessionZh).toBe('青年科学家工作坊：从实验室到市场');
  });

  it('online, a session that is not streamed is refused with its title in every language', async () => {
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const refused = await register('choice-not-streamed', { mode: 'online', venue: null, sessions: [workshop] });
    const message = readValidationMessage((refused as unknown as { fields: { sessions: string } }).fields.sessions);
    expect(message).toEqual({ key: 'sessionNotStreamed', values: await namesOf('young-scientists-workshop') });
  });

  it('the answer names the venue taken (online: none); /metrics counts each by its standing', async () => {
    const counted = async () =>
      Object.fromEntries((await registrationsTotal.get()).values.map((v) => [String(v.labels.standing), v.value])) as Record<
        string,
        number
      >;
    const before = await counted();
    const inPerson = await register('choice-answer-tokyo', { venue: 'tokyo' });
    expect(inPerson).toMatchObject({ ok: true, registration: { venue: 'tokyo', mode: 'in_person', status: 'confirmed' } });
    const online = await register('choice-answer-online', { mode: 'online', venue: null });
    expect(online).toMatchObject({ ok: true, registration: { venue: null, mode: 'online' } });
    const after = await counted();
    expect((after.confirmed ?? 0) - (before.confirmed ?? 0)).toBe(2);
    expect(after.waitlisted ?? 0).toBe(before.waitlisted ?? 0);
  });

  it('a forum in draft is not there; an archived one is closed, at the desk too; a closed one only at the desk', async () => {
    const setStatus = (status: 'draft' | 'published' | 'archived') => t.db.update(events).set({ status }).where(eq(events.slug, EVENT));
    const [{ closesAt } = { closesAt: null }] = await t.db
      .select({ closesAt: events.registrationClosesAt })
      .from(events)
      .where(eq(events.slug, EVENT));
    try {
      await setStatus('draft');
      expect(await register('choice-draft', {})).toEqual({ ok: false, code: 'not-found', error: 'No such forum' });
      await setStatus('archived');
      for (const atDesk of [false, true])
        expect(await register(`choice-archived-${atDesk}`, {}, { atDesk })).toMatchObject({
          ok: false,
          code: 'invalid',
          fields: { event: 'registrationClosed' },
        });
      await setStatus('published');
      await t.db
        .update(events)
        .set({ registrationClosesAt: new Date(now.getTime() - 60_000) })
        .where(eq(events.slug, EVENT));
      expect(await register('choice-closed', {})).toMatchObject({ ok: false, fields: { event: 'registrationClosed' } });
      expect(await register('choice-closed-desk', {}, { atDesk: true })).toMatchObject({ ok: true });
    } finally {
      await setStatus('published');
      await t.db.update(events).set({ registrationClosesAt: closesAt }).where(eq(events.slug, EVENT));
    }
  });
});
