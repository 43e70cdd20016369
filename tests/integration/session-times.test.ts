import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { publishedEventBySlug } from '@/lib/agenda/events';
import { publicAgenda } from '@/lib/agenda/public-agenda';
import { registrationFormOptions } from '@/lib/agenda/form-options';
import { loadItinerary } from '@/lib/registration/itinerary';
import { itineraryWhen } from '@/lib/registration/itinerary-text';
import { registerAttendee } from '@/lib/registration/register';
import { requestedSessions } from '@/lib/agenda/requested-sessions';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

// One rule for a registrant's session times, on the form, the success screen, the manage page and
// the mail: in person, the registrant's venue's time; online, each session's own venue's time.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24' });
});
afterAll(() => t?.close());

async function formOptions() {
  const event = await publishedEventBySlug(t.db, EVENT);
  return registrationFormOptions(await publicAgenda(t.db, event!), new Map(), 'en');
}

/** What the success screen and the form print for a session: "Thu, 24 Dec 2026 · 08:00–08:45 Bangkok, GMT+7". */
const screenWhen = (option: { day: string; time: string }) => `${option.day} · ${option.time}`;

describe('a registrant’s session times', () => {
  it('for an in-person Bangkok registrant: Bangkok time, dated, earliest first — the same lines as the mail', async () => {
    const slugs = ['bangkok-medical-hub-matchmaking', 'bangkok-healthtech-pitch', 'opening-ceremony'];
    const ids = await Promise.all(slugs.map((s) => sessionBySlug(t.db, s)));
    const registered = await registerAttendee(t.db, EVENT, person('times-bkk', { mode: 'in_person', venue: 'bangkok', sessions: ids }));
    if (!registered.ok) throw new Error(registered.error);

    const options = await formOptions();
    const screen = requestedSessions(options, registered.registration, registered.registration.sessions);
    expect(screen.map((s) => s.option.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(screenWhen(screen[0]!.option)).toBe('Thu, 24 Dec 2026 · 08:00–08:45 Bangkok, GMT+7');
    expect(screenWhen(screen[2]!.option)).toMatch(/^Fri, 25 Dec 2026 · 10:00–11:30 Bangkok, GMT\+7$/);

    const itinerary = await loadItinerary(t.db, registered.registration.id);
    expect(screen.map((s) => screenWhen(s.option))).toEqual(itinerary!.items.map((item) => itineraryWhen(item, 'en')));
  });

  it('for an online registrant: each session in its own venue’s time (Seoul, GMT+9), never the online venue’s zone, as the mail says', async () => {
    const options = await formOptions();
    const seoul = await sessionBySlug(t.db, 'seoul-clinical-data');
    const offered = options.sessionsFor.online!.find((s) => s.id === seoul)!;
    expect(offered.time).toBe('15:00–16:30 Seoul, GMT+9');
    for (const option of options.sessionsFor.online!) expect(option.time).not.toMatch(/Online/);

    const ids = [seoul, await sessionBySlug(t.db, 'opening-ceremony')];
    const registered = await registerAttendee(t.db, EVENT, person('times-online', { mode: 'online', venue: null, sessions: ids }));
    if (!registered.ok) throw new Error(registered.error);
    const screen = requestedSessions(options, registered.registration, registered.registration.sessions);
    const itinerary = await loadItinerary(t.db, registered.registration.id);
    expect(screen.map((s) => screenWhen(s.option))).toEqual(itinerary!.items.map((item) => itineraryWhen(item, 'en')));
    expect(screen.map((s) => screenWhen(s.option))).toEqual([
      'Thu, 24 Dec 2026 · 09:00–09:45 Nanning, GMT+8',
      'Thu, 24 Dec 2026 · 15:00–16:30 Seoul, GMT+9',
    ]);
  });
});
