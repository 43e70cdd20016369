// What a registration mail is made of, from the demo forum's real itineraries: where each session is
// lived (in the room, in a relay room at a branch venue, online), the seat, the join link, the ticket,
// the calendar invite and its cancellation, the words of attendance and seats, and who receives it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, registrations } from '@/db/schema';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerDelegation } from '@/lib/registration/delegations/register-delegation';
import { type Itinerary, loadItinerary } from '@/lib/registration/itinerary';
import { itineraryWhere } from '@/lib/registration/itinerary-text';
import { cancelRegistration } from '@/lib/registration/manage';
import { manageUrl } from '@/lib/registration/manage-token';
import { type RegistrationMailPayload, queueRegistrationMail, registrationMail } from '@/lib/registration/registration-mail';
import { renderRegistrationMail } from '@/lib/registration/registration-mail-render';
import { type RegistrationMailData, registrationEmailProps, registrationSubject } from '@/lib/registration/registration-mail-text';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { delegationInput, insertCategory } from '../helpers/delegations';
import { addSeatedSession } from '../helpers/seated-session';
import { EVENT, person, registeredId, sessionBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
const s: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  for (const slug of ['opening-ceremony', 'tokyo-robotics-elderly-care', 'keynote-ai-public-health', 'young-scientists-lightning-talks'])
    s[slug] = await sessionBySlug(t.db, slug);
});
afterAll(() => t?.close());

const register = (n: string, overrides: Record<string, unknown>) => registeredId(t.db, person(n, overrides), now);
const itineraryOf = async (id: string, extra: string[] = []) => (await loadItinerary(t.db, id, extra))!;
const itemOf = (itinerary: Itinerary, slug: string) => itinerary.items.find((item) => item.session.id === s[slug])!;
const payloadOf = (mail: object) => (mail as { payload: unknown }).payload as RegistrationMailPayload;

describe('where each session is lived', () => {
  it("a Tokyo registrant: Tokyo's own session in its room, Nanning's relayed ones in a room at Tokyo, all in Tokyo time", async () => {
    const id = await register('mail-tokyo', {
      venue: 'tokyo',
      sessions: [s['opening-ceremony'], s['tokyo-robotics-elderly-care']],
    });
    const itinerary = await itineraryOf(id);
    expect(itinerary.venue!.slug).toBe('tokyo');
    const own = itemOf(itinerary, 'tokyo-robotics-elderly-care');
    const relayed = itemOf(itinerary, 'opening-ceremony');
    expect(own.presence).toEqual({ kind: 'in-room' });
    expect(own.seat).toEqual({ status: 'confirmed', waitlistPosition: null });
    expect(relayed.presence).toMatchObject({ kind: 'relay', venue: { slug: 'tokyo' } });
    expect(relayed.presence.kind === 'relay' && relayed.presence.room).toMatchObject({ name: { en: 'Conference Room 3F' } });
    expect(itinerary.items.map((item) => item.zone)).toEqual(['Asia/Tokyo', 'Asia/Tokyo']);
    expect(itineraryWhere(own, 'en')).toContain('Konan 2-chome, Minato-ku, Tokyo');
    expect(itineraryWhere(relayed, 'en')).toBe(
      `shown live in Conference Room 3F, ${relayed.presence.kind === 'relay' && relayed.presence.venue.name.en}, Konan 2-chome, Minato-ku, Tokyo`,
    );
    // Without a street address, the city names the place.
    expect(itineraryWhere({ ...own, origin: { ...own.origin, address: '' } }, 'en')).toMatch(/, Tokyo$/);
    expect(itineraryWhere({ ...own, origin: { ...own.origin, address: '' } }, 'zh')).toMatch(/, 东京$/);
  });

  it('an online registrant: every session online, in its own venue\'s time, named "Online · venue, city"', async () => {
    const id = await register('mail-online', {
      mode: 'online',
      venue: null,
      sessions: [s['opening-ceremony'], s['keynote-ai-public-health']],
    });
    const itinerary = await itineraryOf(id);
    expect(itinerary.items.map((item) => [item.presence.kind, item.zone])).toEqual([
      ['online', 'Asia/Shanghai'],
      ['online', 'Asia/Shanghai'],
    ]);
    expect(itineraryWhere(itemOf(itinerary, 'opening-ceremony'), 'en')).toMatch(/^Online · .+, Nanning$/);
  });

  it('an unknown registration has no itinerary, and no mail can be queued for it', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(await loadItinerary(t.db, nobody)).toBeNull();
    await expect(queueRegistrationMail(t.db, nobody, 'confirmed')).rejects.toThrow(`registration ${nobody} not found`);
  });
});

describe('the mail of a registration', () => {
  it('in person: the venue and address, each session with its place and seat, no join link, the ticket, an invite for each session', async () => {
    const id = await register('mail-ticket', { venue: 'tokyo', sessions: [s['opening-ceremony'], s['tokyo-robotics-elderly-care']] });
    const itinerary = await itineraryOf(id);
    const mail = registrationMail(itinerary, 'confirmed');
    const { props, party, invite, cancel, ticketFor } = payloadOf(mail);
    expect(mail).toMatchObject({
      kind: 'registration.confirmed',
      eventId: itinerary.event.id,
      registrationId: id,
      toAddress: 'pmail-ticket@example.org',
      toName: 'Participant mail-ticket',
      template: 'registration',
    });
    expect(mail.subject).toBe(registrationSubject('en', 'confirmed', (itinerary.event.name as { en: string }).en, props.sessions));
    expect(props.attendance).toEqual({
      mode: 'in_person',
      venue: `${(itinerary.venue!.name as { en: string }).en}, Tokyo`,
      waitlistPosition: null,
      address: 'Konan 2-chome, Minato-ku, Tokyo',
      mapUrl: expect.stringContaining('Konan'),
    });
    expect(props.sessions.map((session) => [session.seat, session.joinUrl])).toEqual([
      [{ status: 'confirmed' }, null],
      [{ status: 'confirmed' }, null],
    ]);
    expect(props.sessions[0]!.where).toBe(itineraryWhere(itinerary.items[0]!, 'en'));
    expect(props.removed).toEqual([]);
    expect(props.changes).toEqual([]);
    expect(props.manageUrl).toBe(manageUrl(id));
    expect(props.ticketCid).toBe('ticket@hybrid-forum');
    expect(props.shortCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(ticketFor).toBe(id);
    expect(party).toMatchObject({ uidPrefix: id, attendee: { name: 'Participant mail-ticket', email: 'pmail-ticket@example.org' } });
    expect(party.organizer.name).toBe((itinerary.event.name as { en: string }).en);
    expect(invite.map((session) => [session.sessionId, session.tentative])).toEqual(
      itinerary.items.map((item) => [item.session.id, false]),
    );
    expect(invite[0]!.location).toBe(props.sessions[0]!.where);
    expect(cancel).toEqual([]);
    // A checked-in registrant's later mail keeps the ticket; a cancellation's never has one.
    const checkedIn = payloadOf(
      registrationMail({ ...itinerary, registration: { ...itinerary.registration, status: 'checked_in' } }, 'changed'),
    );
    expect(checkedIn.ticketFor).toBe(id);
    expect(payloadOf(registrationMail(itinerary, 'cancelled')).ticketFor).toBeNull();
    const waiting = payloadOf(
      registrationMail(
        { ...itinerary, registration: { ...itinerary.registration, status: 'waitlisted', waitlistPosition: 4 } },
        'waitlisted',
      ),
    );
    expect(waiting.ticketFor).toBeNull();
    expect(waiting.props).toMatchObject({ ticketCid: null, attendance: { waitlistPosition: 4 } });
    expect(waiting.props.shortCode).toBeUndefined();
  });

  it('online: a join link for each streamed session only, no venue, no ticket; a manage-link mail carries no invite', async () => {
    const id = await register('mail-join', {
      mode: 'online',
      venue: null,
      sessions: [s['opening-ceremony'], s['keynote-ai-public-health']],
    });
    const loaded = await itineraryOf(id);
    // The keynote's stream switched off since: no join link for it.
    const itinerary: Itinerary = {
      ...loaded,
      items: loaded.items.map((item) =>
        item.session.id === s['keynote-ai-public-health'] ? { ...item, session: { ...item.session, streamed: false } } : item,
      ),
    };
    const { props, invite, ticketFor } = payloadOf(registrationMail(itinerary, 'confirmed'));
    expect(props.attendance).toEqual({ mode: 'online' });
    const byTitle = Object.fromEntries(props.sessions.map((session) => [session.title, session.joinUrl]));
    expect(byTitle['Opening Ceremony']).toMatch(/\/join\//);
    expect(Object.values(byTitle).filter((url) => url === null)).toHaveLength(1);
    // In person, a streamed session has no join link either.
    const tokyo = await itineraryOf(await register('mail-join-tokyo', { venue: 'tokyo', sessions: [s['opening-ceremony']] }));
    expect(payloadOf(registrationMail(tokyo, 'confirmed')).props.sessions[0]!.joinUrl).toBeNull();
    expect(ticketFor).toBeNull();
    expect(props.ticketCid).toBeNull();
    expect(invite).toHaveLength(2);
    expect(payloadOf(registrationMail(itinerary, 'manage-link')).invite).toEqual([]);
    // An in-person registrant whose venue is gone reads as online too.
    const venueless = payloadOf(
      registrationMail({ ...itinerary, registration: { ...itinerary.registration, mode: 'in_person' }, venue: null }, 'changed'),
    );
    expect(venueless.props.attendance).toEqual({ mode: 'online' });
  });

  it('a waitlisted seat: its place in line in the mail, a tentative invite', async () => {
    const id = await register('mail-seat-wait', { venue: 'tokyo', sessions: [s['tokyo-robotics-elderly-care']] });
    const itinerary = await itineraryOf(id);
    const waiting: Itinerary = {
      ...itinerary,
      items: itinerary.items.map((item) => ({ ...item, seat: { status: 'waitlisted' as const, waitlistPosition: 3 } })),
    };
    const { props, invite } = payloadOf(registrationMail(waiting, 'confirmed'));
    expect(props.sessions[0]!.seat).toEqual({ status: 'waitlisted', position: 3 });
    expect(invite[0]!.tentative).toBe(true);
    const mail = registrationMail(waiting, 'confirmed');
    expect(mail.subject).toBe(registrationSubject('en', 'confirmed', (itinerary.event.name as { en: string }).en, props.sessions));
    expect(mail.subject).toMatch(/^Registered — on the waitlist for a session · /);
  });

  it('cancelled (by the registrant, or rejected): every held session removed and its invite cancelled, nothing held', async () => {
    const id = await register('mail-cancel', { venue: 'tokyo', sessions: [s['opening-ceremony'], s['tokyo-robotics-elderly-care']] });
    const before = await itineraryOf(id);
    const rejected = payloadOf(registrationMail(before, 'rejected'));
    expect(rejected.props.sessions).toEqual([]);
    expect(rejected.invite).toEqual([]);
    expect(rejected.cancel.map((session) => session.sessionId)).toEqual(before.items.map((item) => item.session.id));
    expect(rejected.props.removed).toEqual(
      before.items.map((item) => ({ title: item.session.title.en, when: expect.stringContaining('Tokyo') })),
    );
    expect(rejected.ticketFor).toBeNull();

    expect((await cancelRegistration(t.db, id)).ok).toBe(true);
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.registrationId, id), eq(outbox.kind, 'registration.cancelled')));
    const cancelled = payloadOf(mail!);
    expect(cancelled.props.sessions).toEqual([]);
    expect(cancelled.cancel).toHaveLength(2);
    expect(cancelled.ticketFor).toBeNull();
  });

  it('a cancelled session, and one the change took away, are removed; the others stay held', async () => {
    const id = await register('mail-session-gone', {
      venue: 'tokyo',
      sessions: [s['opening-ceremony'], s['tokyo-robotics-elderly-care']],
    });
    const itinerary = await itineraryOf(id, [s['young-scientists-lightning-talks']!]);
    // The session taken away is in the itinerary without a seat.
    expect(itemOf(itinerary, 'young-scientists-lightning-talks').seat).toBeNull();
    const withCancelled: Itinerary = {
      ...itinerary,
      items: itinerary.items.map((item) =>
        item.session.id === s['opening-ceremony'] ? { ...item, session: { ...item.session, status: 'cancelled' as const } } : item,
      ),
    };
    const { props, invite, cancel, ticketFor } = payloadOf(
      registrationMail(withCancelled, 'changed', {
        removedSessionIds: [s['young-scientists-lightning-talks']!],
        changes: ['Moved to 10:00'],
      }),
    );
    expect(invite.map((session) => session.sessionId)).toEqual([s['tokyo-robotics-elderly-care']]);
    expect(cancel.map((session) => session.sessionId).sort()).toEqual(
      [s['opening-ceremony'], s['young-scientists-lightning-talks']].sort(),
    );
    expect(props.removed).toHaveLength(2);
    expect(props.changes).toEqual(['Moved to 10:00']);
    expect(ticketFor).toBe(id);
    expect(props.sessions).toHaveLength(1);
  });

  it("a delegation member who chose it gets their mail at the head's address, also when it is queued later", async () => {
    const [event] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT));
    const category = await insertCategory(t.db, event!.id, 'Mail delegations', { capacity: 10 });
    const input = delegationInput('mailhead', 2, { category: category.id });
    (input.members as { mailToHead?: boolean }[])[0]!.mailToHead = true;
    expect(await registerDelegation(t.db, EVENT, input, { now })).toMatchObject({ ok: true });
    const [member] = await t.db.select().from(registrations).where(eq(registrations.email, 'm0.mailhead@example.org'));
    expect((await itineraryOf(member!.id)).registration.mailTo).toBe('pmailhead-head@example.org');
    expect((await cancelRegistration(t.db, member!.id)).ok).toBe(true);
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.registrationId, member!.id), eq(outbox.kind, 'registration.cancelled')));
    expect(mail!.toAddress).toBe('pmailhead-head@example.org');
    // Someone not in a delegation has no such address.
    expect((await itineraryOf(await register('mail-solo', { mode: 'online', venue: null }))).registration.mailTo).toBeUndefined();
  });

  it('a cancelled registration holding seats still lists none; an online one names no venue; a language not offered reads English; a line place is told', async () => {
    const id = await register('mail-edges', { venue: 'tokyo', sessions: [s['tokyo-robotics-elderly-care']] });
    const itinerary = await itineraryOf(id);
    const cancelled = payloadOf(
      registrationMail({ ...itinerary, registration: { ...itinerary.registration, status: 'cancelled' } }, 'changed'),
    );
    expect(cancelled.props.sessions).toEqual([]);
    expect(cancelled.cancel).toHaveLength(1);
    const online = payloadOf(registrationMail({ ...itinerary, registration: { ...itinerary.registration, mode: 'online' } }, 'changed'));
    expect(online.props.attendance).toEqual({ mode: 'online' });
    const french = registrationMail({ ...itinerary, registration: { ...itinerary.registration, locale: 'fr' } }, 'changed');
    expect(payloadOf(french).props.locale).toBe('en');
    expect(french.subject).toMatch(/^Your registration was updated · /);
    expect(payloadOf(registrationMail(itinerary, 'pending', { categoryPosition: 3 })).props.categoryPosition).toBe(3);
    expect(payloadOf(registrationMail(itinerary, 'pending')).props).not.toHaveProperty('categoryPosition');
  });

  it('renders the invite, its cancellation and the ticket as attachments, each with its name and type', async () => {
    const id = await register('mail-attach', { venue: 'tokyo', sessions: [s['opening-ceremony'], s['tokyo-robotics-elderly-care']] });
    const itinerary = await itineraryOf(id);
    const { attachments } = await renderRegistrationMail(payloadOf(registrationMail(itinerary, 'changed', { removedSessionIds: [] })));
    expect(attachments.map((a) => [a.filename, a.contentType?.split(';')[0], a.cid ?? null])).toEqual([
      ['invite.ics', 'text/calendar', null],
      ['ticket.png', 'image/png', 'ticket@hybrid-forum'],
    ]);
    expect(attachments[0]!.contentType).toContain('method=REQUEST');
    const rejected = await renderRegistrationMail(payloadOf(registrationMail(itinerary, 'rejected')));
    expect(rejected.attachments.map((a) => a.filename)).toEqual(['cancel.ics']);
    expect(rejected.attachments[0]!.contentType).toContain('method=CANCEL');
    const online = await register('mail-attach-online', { mode: 'online', venue: null });
    expect((await renderRegistrationMail(payloadOf(registrationMail(await itineraryOf(online), 'confirmed')))).attachments).toEqual([]);
  });
});

describe('the words of a mail', () => {
  const base: RegistrationMailData = {
    locale: 'en',
    kind: 'confirmed',
    forumName: 'Forum',
    registrantName: 'Ana',
    attendance: { mode: 'in_person', venue: 'Hall, Tokyo', waitlistPosition: null, address: 'Street 1', mapUrl: null },
    sessions: [
      { title: 'A', when: 'w', where: 'x', seat: { status: 'confirmed' }, joinUrl: null },
      { title: 'B', when: 'w', where: 'x', seat: { status: 'waitlisted', position: 2 }, joinUrl: null },
      { title: 'C', when: 'w', where: 'x', seat: null, joinUrl: null },
    ],
    removed: [],
    changes: [],
    manageUrl: 'https://x/manage/t',
    ticketCid: null,
  };

  it('attendance in person, with the venue\'s waitlist joined by " · ", or online', () => {
    expect(registrationEmailProps(base).text.attendance).toBe('In person at Hall, Tokyo');
    expect(
      registrationEmailProps({ ...base, attendance: { ...base.attendance, waitlistPosition: 5 } as RegistrationMailData['attendance'] })
        .text.attendance,
    ).toBe('In person at Hall, Tokyo · Waitlisted for the venue, number 5 in line');
    expect(registrationEmailProps({ ...base, attendance: { mode: 'online' } }).text.attendance).toBe('Online');
    expect(registrationEmailProps({ ...base, attendance: { mode: 'online' } }).attendance).toEqual({ mode: 'online' });
    expect(registrationEmailProps(base).attendance).toEqual({ mode: 'in_person', address: 'Street 1', mapUrl: null });
  });

  it("each seat in words, the short code only when there is one, and the organisers' message heading only for a decision", () => {
    const props = registrationEmailProps(base);
    expect(props.sessions.map((session) => session.seatLabel)).toEqual(['confirmed', 'waitlist #2', null]);
    expect(props.text.shortCode).toBe('');
    expect(props.shortCode).toBeNull();
    expect(registrationEmailProps({ ...base, shortCode: 'K7M2-9XQA' }).text.shortCode).toContain('K7M2-9XQA');
    expect(props.text.changesHeading).toBe('What changed');
    for (const kind of ['approved', 'rejected'] as const)
      expect(registrationEmailProps({ ...base, kind }).text.changesHeading).toBe('Message from the organisers');
    expect(registrationEmailProps({ ...base, kind: 'changed' }).text.changesHeading).toBe('What changed');
  });

  it('a new registration waiting for a seat says so from the subject on; a change with the same seats does not', () => {
    expect(registrationSubject('en', 'confirmed', 'Forum', base.sessions)).toBe('Registered — on the waitlist for a session · Forum');
    expect(registrationSubject('en', 'changed', 'Forum', base.sessions)).toBe('Your registration was updated · Forum');
    expect(registrationSubject('en', 'confirmed', 'Forum')).toBe('Registration confirmed · Forum');
    expect(registrationEmailProps(base).text.subject).toBe('Registered — on the waitlist for a session');
    expect(registrationEmailProps({ ...base, kind: 'changed' }).text.subject).toBe('Your registration was updated');
  });
});

describe('the mail queued by a registration', () => {
  it('lists each chosen session with its confirmed seat and invites to them, as recorded in the same transaction', async () => {
    const id = await register('mail-queued-seats', {
      venue: 'tokyo',
      sessions: [s['opening-ceremony'], s['tokyo-robotics-elderly-care']],
    });
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.registrationId, id));
    const { props, invite } = payloadOf(mail!);
    expect(props.sessions.map((session) => session.seat)).toEqual([{ status: 'confirmed' }, { status: 'confirmed' }]);
    expect(invite.map((session) => session.sessionId).sort()).toEqual([s['opening-ceremony'], s['tokyo-robotics-elderly-care']].sort());
  });

  it('a session already full: the queued mail gives the place in its line, not a seat', async () => {
    const full = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'mail-full-hall', sessionSlug: 'mail-full', capacity: 1 });
    await register('mail-full-seated', { venue: 'mail-full-hall', sessions: [full.sessionId] });
    const id = await register('mail-full-waiting', { venue: 'mail-full-hall', sessions: [full.sessionId] });
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.registrationId, id));
    expect(payloadOf(mail!).props.sessions.map((session) => session.seat)).toEqual([{ status: 'waitlisted', position: 1 }]);
  });
});
