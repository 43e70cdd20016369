import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, exhibitorStaff, exhibitorStaffInvites, exhibitors, listings, meetings, outbox, users } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import { setAccountDisabled } from '@/lib/auth/disable-account';
import { consumeMagicLinkToken } from '@/lib/auth/magic-link';
import { actorForSession, openSession, type Actor } from '@/lib/auth/sessions';
import { upsertUser } from '@/lib/auth/users';
import { seedDemoForum } from '@/lib/demo/seed';
import { moderateListing } from '@/lib/exhibition/admin/save-listing';
import { acceptStaffInvite, openStaffInviteFor } from '@/lib/exhibition/staff/accept-staff-invite';
import { inviteExhibitorStaff } from '@/lib/exhibition/staff/invite-staff';
import { exhibitorStaffFor, removeExhibitorStaff } from '@/lib/exhibition/staff/list-staff';
import { revokeExhibitorStaffInvite } from '@/lib/exhibition/staff/revoke-staff-invite';
import { INVITE_GONE } from '@/lib/team/invite-token';
import { createOwnListing, ownListingForEdit, ownListings, updateOwnListing } from '@/lib/exhibition/staff/own-listings';
import { ownExhibitorProfile, updateOwnExhibitor } from '@/lib/exhibition/staff/own-profile';
import { ownExhibitors } from '@/lib/exhibition/staff/staff-access';
import { asExhibitor, exhibitorMeetingCalendar, exhibitorMeetings } from '@/lib/meetings/exhibitor-staff-meetings';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { registerAttendee } from '@/lib/registration/register';
import { sha256 } from '@/lib/security/signing';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, exhibitorIdBySlug, person, venueBySlug } from '../helpers/registration';

const OTHER = 'other-forum';
let t: TestDatabase;
let organiser: Actor;
let otherOrganiser: Actor;
/** Siam MedTech (Bangkok) and Nanning Smart Data, both approved demo exhibitors of EVENT. */
let siam: string;
let nanning: string;
let otherEventSiam: string;

const exhibitorId = (slug: string, eventSlug = EVENT) => exhibitorIdBySlug(t.db, slug, eventSlug);

/** The invite link's token, read from the mail in the outbox as the invitee would. */
async function mailedToken(email: string): Promise<{ token: string; subject: string }> {
  const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, email));
  const mail = mails.at(-1)!;
  expect(mail.kind).toBe('exhibitor.staff.invite');
  return { token: /\/exhibitor\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text!)![1]!, subject: mail.subject };
}

/** Invites, accepts through the mailed link and signs in: a staff member of `exhibitor`. */
async function staffOf(exhibitor: string, email: string): Promise<Actor> {
  expect(await inviteExhibitorStaff(t.db, organiser, EVENT, exhibitor, { email, locale: 'th' })).toMatchObject({ ok: true });
  const accepted = await acceptStaffInvite(t.db, (await mailedToken(email)).token);
  if (!accepted.ok) throw new Error(JSON.stringify(accepted));
  const userId = await consumeMagicLinkToken(t.db, accepted.signInToken);
  return (await actorForSession(t.db, await openSession(t.db, userId!)))!;
}

const listingValues = (exhibitor: string, title = 'Portable ultrasound for rural clinics') => ({
  exhibitorId: exhibitor,
  kind: 'offer',
  title: { ...localizedFormValues(null), en: title },
  summary: localizedFormValues(null),
  sector: 'big-health',
  trl: '7',
  ipStatus: 'patent',
  cooperation: ['licensing'],
  countries: [],
});

async function profileValues(actor: Actor, exhibitor: string) {
  return (await ownExhibitorProfile(t.db, actor, exhibitor)).values;
}

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(AuthorizationError);

let siamStaff: Actor;
let nanningStaff: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: OTHER, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.staff@forum.test', { eventSlug: EVENT, role: 'organiser' });
  otherOrganiser = await actorFor(t.db, 'org.other@forum.test', { eventSlug: OTHER, role: 'organiser' });
  siam = await exhibitorId('siam-medtech');
  nanning = await exhibitorId('nanning-smart-data');
  otherEventSiam = await exhibitorId('siam-medtech', OTHER);
});
afterAll(() => t?.close());

describe('inviting exhibitor staff', () => {
  it('mails a single-use link in the chosen language through the outbox, keeps only its hash, and links a verified account on accepting', async () => {
    expect(await inviteExhibitorStaff(t.db, organiser, EVENT, siam, { email: 'Somchai@Siam-MedTech.example', locale: 'th' })).toMatchObject(
      {
        ok: true,
      },
    );
    const { token, subject } = await mailedToken('somchai@siam-medtech.example');
    expect(subject).toContain('เจ้าหน้าที่');
    const [invite] = await t.db.select().from(exhibitorStaffInvites).where(eq(exhibitorStaffInvites.email, 'somchai@siam-medtech.example'));
    expect(invite!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(invite)).not.toContain(token);
    expect(await openStaffInviteFor(t.db, token)).toMatchObject({ email: 'somchai@siam-medtech.example' });
    expect((await exhibitorStaffFor(t.db, organiser, EVENT, siam))!.invites.map((i) => i.email)).toEqual(['somchai@siam-medtech.example']);

    const accepted = await acceptStaffInvite(t.db, token);
    expect(accepted).toMatchObject({ ok: true });
    if (!accepted.ok) return;
    const userId = await consumeMagicLinkToken(t.db, accepted.signInToken);
    const [user] = await t.db.select().from(users).where(eq(users.id, userId!));
    expect(user!.emailVerified).not.toBeNull();
    expect(user!.locale).toBe('th');
    siamStaff = (await actorForSession(t.db, await openSession(t.db, userId!)))!;
    expect((await ownExhibitors(t.db, siamStaff)).map((e) => e.id)).toEqual([siam]);
    // Used once: the same link changes nothing the second time.
    expect(await acceptStaffInvite(t.db, token)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await openStaffInviteFor(t.db, token)).toBeNull();
    const staff = await exhibitorStaffFor(t.db, organiser, EVENT, siam);
    expect(staff!.staff.map((s) => s.email)).toEqual(['somchai@siam-medtech.example']);
    expect(staff!.invites).toEqual([]);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['exhibitor.staff.invite', 'exhibitor.staff.accept']));
  });

  it('refuses beside the field, writing nothing: a bad address, someone already on the staff, an open invite', async () => {
    await inviteExhibitorStaff(t.db, organiser, EVENT, siam, { email: 'open@siam-medtech.example' });
    const before = (await t.db.select().from(outbox)).length;
    for (const [input, field] of [
      [{ email: 'not an address' }, 'email'],
      [{ email: 'SOMCHAI@siam-medtech.example' }, 'alreadyStaff'],
      [{ email: 'open@siam-medtech.example' }, 'staffAlreadyInvited'],
    ] as const) {
      expect(await inviteExhibitorStaff(t.db, organiser, EVENT, siam, input)).toMatchObject({ ok: false, fields: { email: field } });
    }
    expect((await t.db.select().from(outbox)).length).toBe(before);
  });

  it('an expired link does nothing; only organisers of the exhibitor’s own event invite, list and remove staff', async () => {
    await inviteExhibitorStaff(t.db, organiser, EVENT, siam, { email: 'late@siam-medtech.example' }, new Date('2026-01-01T00:00:00Z'));
    const { token } = await mailedToken('late@siam-medtech.example');
    expect(await acceptStaffInvite(t.db, token)).toMatchObject({ ok: false, code: 'not-found' });
    await refused(inviteExhibitorStaff(t.db, otherOrganiser, EVENT, siam, { email: 'x@example.org' }));
    await refused(inviteExhibitorStaff(t.db, siamStaff, EVENT, siam, { email: 'x@example.org' }));
    await refused(exhibitorStaffFor(t.db, siamStaff, EVENT, siam));
    await refused(removeExhibitorStaff(t.db, siamStaff, EVENT, siam, siamStaff.userId));
    // Another event's exhibitor id through this event's organiser: not found, nothing sent.
    expect(await inviteExhibitorStaff(t.db, organiser, EVENT, otherEventSiam, { email: 'x@example.org' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await exhibitorStaffFor(t.db, otherOrganiser, OTHER, siam)).toBeNull();
  });

  it('a disabled account does not get back in through a staff invite: refused, no staff link, the invite still open', async () => {
    const email = 'disabled@siam-medtech.example';
    await upsertUser(t.db, { email });
    expect(await setAccountDisabled(t.db, email, true)).toBe(true);
    expect(await inviteExhibitorStaff(t.db, organiser, EVENT, siam, { email })).toMatchObject({ ok: true });
    const { token } = await mailedToken(email);
    expect(await acceptStaffInvite(t.db, token)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await openStaffInviteFor(t.db, token)).toMatchObject({ email });
    const staffLinks = () =>
      t.db.select().from(exhibitorStaff).innerJoin(users, eq(users.id, exhibitorStaff.userId)).where(eq(users.email, email));
    expect(await staffLinks()).toEqual([]);
    await setAccountDisabled(t.db, email, false);
    expect(await acceptStaffInvite(t.db, token)).toMatchObject({ ok: true });
    expect(await staffLinks()).toHaveLength(1);
  });

  it('an organiser revokes an invite before it is accepted: its link answers as a spent one; staff, other events and other exhibitors cannot', async () => {
    const email = 'revoke-me@siam-medtech.example';
    expect(await inviteExhibitorStaff(t.db, organiser, EVENT, siam, { email })).toMatchObject({ ok: true });
    const { token } = await mailedToken(email);
    const [invite] = await t.db.select().from(exhibitorStaffInvites).where(eq(exhibitorStaffInvites.email, email));
    // Nobody else revokes it: the exhibitor's own staff, another event's organiser, through another exhibitor or event.
    await refused(revokeExhibitorStaffInvite(t.db, siamStaff, EVENT, siam, invite!.id));
    await refused(revokeExhibitorStaffInvite(t.db, otherOrganiser, EVENT, siam, invite!.id));
    expect(await revokeExhibitorStaffInvite(t.db, otherOrganiser, OTHER, siam, invite!.id)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await revokeExhibitorStaffInvite(t.db, organiser, EVENT, nanning, invite!.id)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await openStaffInviteFor(t.db, token)).toMatchObject({ email });

    expect(await revokeExhibitorStaffInvite(t.db, organiser, EVENT, siam, invite!.id)).toMatchObject({ ok: true });
    expect(await openStaffInviteFor(t.db, token)).toBeNull();
    expect(await acceptStaffInvite(t.db, token)).toEqual({ ok: false, code: 'not-found', error: INVITE_GONE });
    expect((await exhibitorStaffFor(t.db, organiser, EVENT, siam))!.invites.map((i) => i.email)).not.toContain(email);
    expect(
      await t.db.select().from(exhibitorStaff).innerJoin(users, eq(users.id, exhibitorStaff.userId)).where(eq(users.email, email)),
    ).toEqual([]);
    // Once only; it is on the audit page; the address may be invited again.
    expect(await revokeExhibitorStaffInvite(t.db, organiser, EVENT, siam, invite!.id)).toMatchObject({ ok: false, code: 'not-found' });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'exhibitor.staff.revoke'));
    expect(entry).toMatchObject({ entityId: siam, actorUserId: organiser.userId, details: { email, name: 'Siam MedTech Co., Ltd.' } });
    expect(await inviteExhibitorStaff(t.db, organiser, EVENT, siam, { email })).toMatchObject({ ok: true });
  });
});

describe('the exhibitor portal', () => {
  beforeAll(async () => {
    nanningStaff = await staffOf(nanning, 'lin@nanning-data.example');
  });

  it('profile changes of an approved exhibitor are public at once (still approved) and audited as the staff member’s', async () => {
    const values = await profileValues(siamStaff, siam);
    const result = await updateOwnExhibitor(t.db, siamStaff, siam, { ...values, website: 'https://siam-medtech.example/en' });
    expect(result).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(exhibitors).where(eq(exhibitors.id, siam));
    expect(row).toMatchObject({ website: 'https://siam-medtech.example/en', status: 'approved', slug: 'siam-medtech' });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'exhibitor.update'), eq(auditLog.actorUserId, siamStaff.userId)));
    expect(entry!.details).toMatchObject({ changes: { website: { to: 'https://siam-medtech.example/en' } } });
    // The form's own errors, in words' keys, beside the field.
    expect(await updateOwnExhibitor(t.db, siamStaff, siam, { ...values, website: 'http://plain' })).toMatchObject({
      ok: false,
      fields: { website: 'https' },
    });
  });

  it('a new or edited listing waits for moderation', async () => {
    const created = await createOwnListing(t.db, siamStaff, listingValues(siam));
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    const [listing] = await t.db.select().from(listings).where(eq(listings.id, created.id));
    expect(listing).toMatchObject({ status: 'pending', exhibitorId: siam, sector: 'big-health' });
    await moderateListing(t.db, organiser, EVENT, created.id, 'publish');
    expect(await updateOwnListing(t.db, siamStaff, created.id, listingValues(siam, 'Portable ultrasound, 2nd generation'))).toMatchObject({
      ok: true,
    });
    const [edited] = await t.db.select().from(listings).where(eq(listings.id, created.id));
    expect(edited).toMatchObject({ status: 'pending', moderatedAt: null });
    expect(edited!.title.en).toBe('Portable ultrasound, 2nd generation');
    expect((await ownListings(t.db, siamStaff, siam)).map((l) => l.id)).toContain(created.id);
  });

  it('staff of one exhibitor never read or write another’s: forged ids are refused in every read and write, and nothing changes', async () => {
    const [siamListing] = await t.db.select().from(listings).where(eq(listings.exhibitorId, siam));
    const before = {
      exhibitor: await t.db.select().from(exhibitors).where(eq(exhibitors.id, siam)),
      listings: await t.db.select().from(listings),
    };
    const siamValues = await profileValues(siamStaff, siam);
    for (const actor of [nanningStaff, organiser, otherOrganiser]) {
      await refused(ownExhibitorProfile(t.db, actor, siam));
      await refused(ownListings(t.db, actor, siam));
      await refused(ownListingForEdit(t.db, actor, siamListing!.id));
      await refused(updateOwnExhibitor(t.db, actor, siam, { ...siamValues, website: 'https://evil.example' }));
      await refused(createOwnListing(t.db, actor, listingValues(siam, 'Forged')));
      await refused(updateOwnListing(t.db, actor, siamListing!.id, listingValues(siam, 'Forged')));
    }
    // Own exhibitor in the form, another's listing in the address: still refused.
    await refused(updateOwnListing(t.db, nanningStaff, siamListing!.id, listingValues(nanning, 'Forged')));
    // Another's exhibitor named in the form of one's own listing: a field error, not a move.
    const own = await createOwnListing(t.db, nanningStaff, { ...listingValues(nanning, 'Smart data'), sector: 'digital-technology' });
    if (!own.ok) throw new Error('own listing');
    expect(await updateOwnListing(t.db, nanningStaff, own.id, listingValues(siam))).toMatchObject({
      ok: false,
      fields: { exhibitorId: 'exhibitor' },
    });
    // Unknown ids and the signed-out.
    await refused(ownExhibitorProfile(t.db, siamStaff, '00000000-0000-4000-8000-000000000000'));
    await refused(updateOwnListing(t.db, siamStaff, '00000000-0000-4000-8000-000000000000', listingValues(siam)));
    await expect(updateOwnExhibitor(t.db, null, siam, siamValues)).rejects.toMatchObject({ reason: 'signed-out' });
    await expect(createOwnListing(t.db, null, listingValues(siam))).rejects.toMatchObject({ reason: 'signed-out' });
    expect(await t.db.select().from(exhibitors).where(eq(exhibitors.id, siam))).toEqual(before.exhibitor);
    expect((await t.db.select().from(listings)).filter((l) => l.exhibitorId === siam)).toEqual(
      before.listings.filter((l) => l.exhibitorId === siam),
    );
  });

  it('an organiser removes a staff member, who from then on reads and writes nothing of the exhibitor', async () => {
    expect(await removeExhibitorStaff(t.db, organiser, EVENT, nanning, nanningStaff.userId)).toMatchObject({ ok: true });
    expect(await t.db.select().from(exhibitorStaff).where(eq(exhibitorStaff.userId, nanningStaff.userId))).toEqual([]);
    await refused(ownExhibitorProfile(t.db, nanningStaff, nanning));
    await refused(createOwnListing(t.db, nanningStaff, listingValues(nanning)));
    expect(await ownExhibitors(t.db, nanningStaff)).toEqual([]);
    expect(await removeExhibitorStaff(t.db, organiser, EVENT, nanning, nanningStaff.userId)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'exhibitor.staff.remove'));
    expect(entry!.details).toMatchObject({ email: 'lin@nanning-data.example' });
  });
});

describe('the exhibitor’s meeting requests', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  let attendee: string;
  let contact: string;
  let listingId: string;
  let slots: string[];

  async function registered(tag: string, email: string, venue: 'bangkok' | 'nanning') {
    const r = await registerAttendee(t.db, EVENT, person(tag, { mode: 'in_person', venue, email, name: `Person ${tag}` }), { now });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.registration.id;
  }

  beforeAll(async () => {
    // Siam MedTech's contact person answers for it (docs/meetings.md), registered like anyone.
    contact = await registered('ploy', 'ploy@siam-medtech.example', 'bangkok');
    attendee = await registered('nanning-buyer', 'buyer@nanning.example', 'nanning');
    expect((await saveMatchmakingProfile(t.db, attendee, { sectors: ['big-health'], interests: 'ultrasound' })).ok).toBe(true);
    const bangkok = (await venueBySlug(t.db, 'bangkok')).id;
    slots = [];
    for (const hour of ['14', '15']) {
      const saved = await createMeetingSlot(t.db, organiser, EVENT, {
        venueId: bangkok,
        label: `Staff ${hour}`,
        date: '2026-12-27',
        start: `${hour}:00`,
        end: `${hour}:30`,
        tables: 2,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      slots.push(saved.id);
    }
    const [published] = await t.db
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.exhibitorId, siam), eq(listings.status, 'published')));
    listingId = published!.id;
  });

  it('staff see requests to their exhibitor, accept one at a table as its contact person, and download its calendar entry', async () => {
    const asked = await requestMeeting(t.db, attendee, { with: `listing:${listingId}`, slotId: slots[0], message: 'Hello' }, { now });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const view = await exhibitorMeetings(t.db, siamStaff, siam);
    expect(view!.answerer.id).toBe(contact);
    expect(view!.meetings.map((m) => [m.id, m.direction, m.status])).toEqual([[asked.id, 'in', 'pending']]);
    const accepted = await asExhibitor(t.db, siamStaff, siam, asked.id, (personId) =>
      answerMeeting(t.db, personId, asked.id, 'accept', { now }),
    );
    // A Nanning attendee and a Bangkok exhibitor meet online (docs/meetings.md): a link, no table.
    expect(accepted).toMatchObject({ ok: true, tableNo: null, meetingUrl: expect.stringMatching(/^https:\/\//) });
    const calendar = await exhibitorMeetingCalendar(t.db, siamStaff, siam, asked.id);
    expect(calendar.ok && calendar.body).toContain(`UID:meeting-${asked.id}@hybrid-forum`);
  });

  it('staff decline a request, which frees the time', async () => {
    const asked = await requestMeeting(t.db, attendee, { with: `listing:${listingId}`, slotId: slots[1], message: '' }, { now });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const declined = await asExhibitor(t.db, siamStaff, siam, asked.id, (personId) =>
      answerMeeting(t.db, personId, asked.id, 'decline', { now }),
    );
    expect(declined).toMatchObject({ ok: true });
    expect((await t.db.select().from(meetings).where(eq(meetings.id, asked.id)))[0]!.status).toBe('declined');
  });

  it('staff cannot make another attendee the exhibitor’s contact (who answers its meeting requests): refused beside the field, nobody named or booked; one of its staff may be', async () => {
    const values = await profileValues(siamStaff, siam);
    const before = (await t.db.select().from(exhibitors).where(eq(exhibitors.id, siam)))[0]!.contactEmail;
    for (const foreign of ['buyer@nanning.example', ' BUYER@Nanning.example ', 'lin@nanning-data.example']) {
      expect(await updateOwnExhibitor(t.db, siamStaff, siam, { ...values, contactEmail: foreign })).toEqual({
        ok: false,
        code: 'invalid',
        error: expect.any(String),
        fields: { contactEmail: 'contactNotStaff' },
      });
    }
    expect((await t.db.select().from(exhibitors).where(eq(exhibitors.id, siam)))[0]!.contactEmail).toBe(before);
    expect((await exhibitorMeetings(t.db, siamStaff, siam))!.answerer.id).toBe(contact);
    // Keeping the address, in any case, saves.
    expect(await updateOwnExhibitor(t.db, siamStaff, siam, { ...values, contactEmail: before.toUpperCase() })).toMatchObject({ ok: true });
    // A staff member's own address is theirs to give; organisers may set any.
    expect(await updateOwnExhibitor(t.db, siamStaff, siam, { ...values, contactEmail: 'Somchai@siam-medtech.example' })).toMatchObject({
      ok: true,
    });
    expect((await t.db.select().from(exhibitors).where(eq(exhibitors.id, siam)))[0]!.contactEmail).toBe('somchai@siam-medtech.example');
    await t.db.update(exhibitors).set({ contactEmail: before }).where(eq(exhibitors.id, siam));
  });

  it('other exhibitors’ staff, organisers and forged meeting ids get nothing, and nothing changes', async () => {
    const other = await staffOf(nanning, 'chen@nanning-data.example');
    const [meeting] = await t.db.select().from(meetings).where(eq(meetings.exhibitorId, siam));
    const before = await t.db.select().from(meetings);
    const cancel = (personId: string) => answerMeeting(t.db, personId, meeting!.id, 'cancel', { now });
    // Another exhibitor's staff naming Siam: refused outright.
    await refused(asExhibitor(t.db, other, siam, meeting!.id, cancel));
    await refused(exhibitorMeetings(t.db, other, siam));
    await refused(exhibitorMeetingCalendar(t.db, other, siam, meeting!.id));
    await refused(asExhibitor(t.db, organiser, siam, meeting!.id, cancel));
    // Their own exhibitor with Siam's meeting id: not theirs (Nanning has no answerer even, then none of its meetings).
    expect(await asExhibitor(t.db, other, nanning, meeting!.id, cancel)).toMatchObject({ ok: false, code: 'not-found' });
    // Siam's staff with the contact person's own meeting, not about Siam: not found, though the same person answers both.
    expect((await saveMatchmakingProfile(t.db, contact, { sectors: ['big-health'], interests: '' })).ok).toBe(true);
    const own = await requestMeeting(t.db, contact, { with: `person:${attendee}`, slotId: slots[1], message: '' }, { now });
    if (!own.ok) throw new Error(JSON.stringify(own));
    const ownBefore = await t.db.select().from(meetings);
    expect(
      await asExhibitor(t.db, siamStaff, siam, own.id, (personId) => answerMeeting(t.db, personId, own.id, 'cancel', { now })),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect((await exhibitorMeetings(t.db, siamStaff, siam))!.meetings.map((m) => m.id)).not.toContain(own.id);
    expect(await t.db.select().from(meetings)).toEqual(ownBefore);
    expect(await asExhibitor(t.db, siamStaff, siam, 'not-a-uuid', cancel)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await asExhibitor(t.db, siamStaff, siam, '00000000-0000-4000-8000-000000000000', cancel)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect((await t.db.select().from(meetings)).filter((m) => m.id !== own.id)).toEqual(before);
  });
});
