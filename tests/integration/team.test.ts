import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eventInvites, eventMembers, outbox, users, verificationTokens } from '@/db/schema';
import { eventAccess } from '@/lib/admin/event-access';
import { AuthorizationError } from '@/lib/auth/authorize';
import { setAccountDisabled } from '@/lib/auth/disable-account';
import { consumeMagicLinkToken } from '@/lib/auth/magic-link';
import { requestMagicLink } from '@/lib/auth/request-magic-link';
import { actorForSession, openSession, type Actor } from '@/lib/auth/sessions';
import { upsertUser } from '@/lib/auth/users';
import { seedDemoForum } from '@/lib/demo/seed';
import { sha256 } from '@/lib/security/signing';
import { acceptInvite, openInviteFor } from '@/lib/team/accept-invite';
import { inviteMember } from '@/lib/team/admin/invite-member';
import { listTeam } from '@/lib/team/admin/list-team';
import { removeMember } from '@/lib/team/admin/remove-member';
import { revokeInvite } from '@/lib/team/admin/revoke-invite';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, venueBySlug } from '../helpers/registration';

const OTHER = 'other-forum';
let t: TestDatabase;
let organiser: Actor;
let otherOrganiser: Actor;
let bangkok: string;
let otherBangkok: string;

/** The invite link's token, read from the mail in the outbox as the invitee would. */
async function mailedToken(email: string): Promise<string> {
  const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, email));
  const mail = mails.at(-1)!;
  expect(mail.kind).toBe('team.invite');
  return /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text!)![1]!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: OTHER, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.team@forum.test', { eventSlug: EVENT, role: 'organiser' });
  otherOrganiser = await actorFor(t.db, 'org.other@forum.test', { eventSlug: OTHER, role: 'organiser' });
  bangkok = (await venueBySlug(t.db, 'bangkok')).id;
  otherBangkok = (await venueBySlug(t.db, 'bangkok', OTHER)).id;
});
afterAll(() => t?.close());

describe('team invites', () => {
  it('invites a venue manager: the mail goes through the outbox, only the token hash is stored, and the audit says so', async () => {
    const result = await inviteMember(t.db, organiser, EVENT, {
      email: 'Manager.BKK@example.org',
      role: 'venue_manager',
      venueId: bangkok,
    });
    expect(result).toMatchObject({ ok: true });
    const token = await mailedToken('manager.bkk@example.org');
    const [invite] = await t.db.select().from(eventInvites).where(eq(eventInvites.email, 'manager.bkk@example.org'));
    expect(invite).toMatchObject({ role: 'venue_manager', venueId: bangkok, tokenHash: sha256(token) });
    expect(JSON.stringify(invite)).not.toContain(token);
    expect(await openInviteFor(t.db, token)).toMatchObject({ role: 'venue_manager', email: 'manager.bkk@example.org' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'team.invite'));
    expect(audit).toHaveLength(1);
    expect((await listTeam(t.db, organiser, EVENT)).invites.map((i) => i.email)).toContain('manager.bkk@example.org');
  });

  it('refuses, beside the field and writing nothing: a bad address, a venue role without a venue, another event’s venue, a member, an open invite', async () => {
    const before = { invites: (await t.db.select().from(eventInvites)).length, mail: (await t.db.select().from(outbox)).length };
    await actorFor(t.db, 'already@example.org', { eventSlug: EVENT, role: 'checkin' });
    const cases: [unknown, Record<string, string>][] = [
      [{ email: 'not an address', role: 'viewer' }, { email: 'email' }],
      [{ email: 'x@example.org', role: 'venue_manager', venueId: '' }, { venueId: 'venueRequiredForRole' }],
      [{ email: 'x@example.org', role: 'venue_manager', venueId: otherBangkok }, { venueId: 'venueNotInEvent' }],
      [{ email: 'x@example.org', role: 'platform_admin' }, { role: 'inviteRole' }],
      [{ email: 'ALREADY@example.org', role: 'viewer' }, { email: 'alreadyMember' }],
      [{ email: 'manager.bkk@example.org', role: 'viewer' }, { email: 'alreadyInvited' }],
    ];
    for (const [input, fields] of cases) {
      const result = await inviteMember(t.db, organiser, EVENT, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: 'invalid', fields });
    }
    expect((await t.db.select().from(eventInvites)).length).toBe(before.invites);
    expect((await t.db.select().from(outbox)).length).toBe(before.mail);
  });

  it('refuses people who are not organisers of the event', async () => {
    const viewer = await actorFor(t.db, 'viewer.team@example.org', { eventSlug: EVENT, role: 'viewer' });
    for (const who of [null, viewer, otherOrganiser])
      await expect(inviteMember(t.db, who, EVENT, { email: 'y@example.org', role: 'viewer' })).rejects.toBeInstanceOf(AuthorizationError);
  });

  it('accepting creates the account and the membership, signs in once, and the link is then used up', async () => {
    const token = await mailedToken('manager.bkk@example.org');
    const accepted = await acceptInvite(t.db, token);
    expect(accepted).toMatchObject({ ok: true, slug: EVENT });
    if (!accepted.ok) return;
    const userId = await consumeMagicLinkToken(t.db, accepted.signInToken);
    expect(userId).toBeTruthy();
    const [user] = await t.db.select().from(users).where(eq(users.id, userId!));
    expect(user!.emailVerified).not.toBeNull();
    const manager = (await actorForSession(t.db, await openSession(t.db, userId!)))!;
    const access = await eventAccess(t.db, manager, EVENT, ['venue_manager']);
    expect(access.venueIds).toEqual([bangkok]);
    expect(await acceptInvite(t.db, token)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await openInviteFor(t.db, token)).toBeNull();
    expect((await listTeam(t.db, organiser, EVENT)).members).toContainEqual(
      expect.objectContaining({ email: 'manager.bkk@example.org', role: 'venue_manager' }),
    );
  });

  it('an invite written in Japanese gives the account Japanese: its sign-in mails then come in Japanese alone, whatever page asks', async () => {
    const email = 'tokyo.staff@example.org';
    expect(await inviteMember(t.db, organiser, EVENT, { email, role: 'checkin', locale: 'ja' })).toMatchObject({ ok: true });
    const [invite] = await t.db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(invite!.subject).toMatch(/チーム/);
    expect(invite!.text).not.toContain('You are invited');
    const accepted = await acceptInvite(t.db, await mailedToken(email));
    if (!accepted.ok) throw new Error('not accepted');
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user!.locale).toBe('ja');
    // A link mailed within the last minute and unused is not mailed again: start each request afresh.
    const fresh = async () => {
      await t.db.delete(verificationTokens).where(eq(verificationTokens.identifier, user!.id));
      await t.db.delete(outbox).where(eq(outbox.toAddress, email));
    };
    await fresh();
    // Asked from the Thai page: the account's own language wins (the asker may be anyone).
    expect(await requestMagicLink(t.db, email, '/admin', { pageLocale: 'th' })).toMatchObject({ ok: true });
    const [signIn] = await t.db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(signIn!.subject).toBe('サインイン用リンク');
    expect(signIn!.html).toMatch(/<html[^>]*lang="ja"/);
    // An account without a language gets the asking page's, and keeps none.
    await t.db.update(users).set({ locale: null }).where(eq(users.email, email));
    await fresh();
    expect(await requestMagicLink(t.db, email, '/admin', { pageLocale: 'ko', clientKey: 'another' })).toMatchObject({ ok: true });
    const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mails.map((m) => m.subject)).toEqual(['로그인 링크']);
    expect((await t.db.select().from(users).where(eq(users.email, email)))[0]!.locale).toBeNull();
  });

  it('a disabled account does not get back in through an invite: refused, nothing granted, the invite still open', async () => {
    const email = 'disabled.member@example.org';
    const userId = await upsertUser(t.db, { email });
    expect(await setAccountDisabled(t.db, email, true)).toBe(true);
    expect(await inviteMember(t.db, organiser, EVENT, { email, role: 'viewer' })).toMatchObject({ ok: true });
    const token = await mailedToken(email);
    expect(await acceptInvite(t.db, token)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await openInviteFor(t.db, token)).toMatchObject({ email, role: 'viewer' });
    expect(await t.db.select().from(eventMembers).where(eq(eventMembers.userId, userId))).toEqual([]);
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'team.invite.accept'), eq(auditLog.actorUserId, userId))),
    ).toEqual([]);
    // Enabled again, the same link works.
    await setAccountDisabled(t.db, email, false);
    expect(await acceptInvite(t.db, token)).toMatchObject({ ok: true });
  });

  it('a revoked invite and an expired one do nothing; another event’s organiser cannot revoke', async () => {
    await inviteMember(t.db, organiser, EVENT, { email: 'revoked@example.org', role: 'viewer' });
    const token = await mailedToken('revoked@example.org');
    const [invite] = await t.db.select().from(eventInvites).where(eq(eventInvites.email, 'revoked@example.org'));
    await expect(revokeInvite(t.db, otherOrganiser, EVENT, invite!.id)).rejects.toBeInstanceOf(AuthorizationError);
    // Another event's organiser, through their own event, does not find it.
    expect(await revokeInvite(t.db, otherOrganiser, OTHER, invite!.id)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await revokeInvite(t.db, organiser, EVENT, invite!.id)).toMatchObject({ ok: true });
    expect(await acceptInvite(t.db, token)).toMatchObject({ ok: false, code: 'not-found' });

    await inviteMember(t.db, organiser, EVENT, { email: 'late@example.org', role: 'viewer' }, new Date('2020-01-01T00:00:00Z'));
    expect(await acceptInvite(t.db, await mailedToken('late@example.org'))).toMatchObject({ ok: false, code: 'not-found' });
    // An expired invite does not block a new one.
    expect(await inviteMember(t.db, organiser, EVENT, { email: 'late@example.org', role: 'viewer' })).toMatchObject({ ok: true });
    const [member] = await t.db.select().from(users).where(eq(users.email, 'revoked@example.org'));
    expect(member).toBeUndefined();
  });

  it('a removed member’s next request is refused, though their session is still open', async () => {
    const [manager] = await t.db.select().from(users).where(eq(users.email, 'manager.bkk@example.org'));
    const actor = (await actorForSession(t.db, await openSession(t.db, manager!.id)))!;
    await eventAccess(t.db, actor, EVENT, ['venue_manager']);
    expect(await removeMember(t.db, organiser, EVENT, organiser.userId)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await removeMember(t.db, organiser, EVENT, manager!.id)).toMatchObject({ ok: true });
    await expect(eventAccess(t.db, actor, EVENT, ['venue_manager', 'viewer', 'organiser', 'checkin'])).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    const rows = await t.db
      .select()
      .from(eventMembers)
      .where(and(eq(eventMembers.userId, manager!.id)));
    expect(rows).toHaveLength(0);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'team.member.remove'))).toHaveLength(1);
  });
});
