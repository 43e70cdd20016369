import { type Masked, markMaker, replaceMarks, sharedShapes } from '@/lib/format/shared-shapes';
import { calendarParam, foldCalendar } from './calendar-text';
import { type InviteParty, type InviteSession, registrationInvite } from './registration-invite';

/**
 * A registrant's invite, written once per shape (sessions, method, organiser) and filled in per
 * registrant: a publish wave re-issues the same sessions to thousands, and the ics package
 * validates every event it writes (0.3 of its 0.45 ms an invite). What differs per registrant is
 * the UID prefix (their registration id), their name and address, SEQUENCE and DTSTAMP.
 *
 * The shape is unfolded before a copy's values go in and the copy folded after, so a value never
 * meets a fold. SEQUENCE and DTSTAMP, which the ics package checks as a number and a date, are
 * written as sentinels and replaced as whole lines (no text of a session can hold a line break).
 * Sharing is checked byte for byte against a direct render (lib/format/shared-shapes.ts).
 */

type Invite = { party: InviteParty; sessions: InviteSession[]; method: 'REQUEST' | 'CANCEL'; stamp: number };
type Fills = (readonly [mark: string, value: string])[];

const mark = markMaker();
const UID_PREFIX = mark('uid');
const NAME = mark('name');
const EMAIL = `${mark('email')}@mark.invalid`;
const SEQUENCE_SENTINEL = 987_654_321;
const STAMP_SENTINEL = Date.UTC(2001, 0, 1);

const stampLine = (ms: number) =>
  `\r\nDTSTAMP:${new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')}\r\n`;
const sequenceLine = (sequence: number) => `\r\nSEQUENCE:${sequence}\r\n`;
const unfolded = (calendar: string) => calendar.replace(/\r\n[ \t]/g, '');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The HTML spec's e-mail address, which the ics package requires (through yup): others go the direct way, and fail as they would. */
const ICS_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function masked(invite: Invite): Masked<Invite, Fills> | null {
  const { party } = invite;
  if (!party.uidPrefix || !UUID.test(party.uidPrefix) || !ICS_EMAIL.test(party.attendee.email)) return null;
  const shape: Invite = {
    ...invite,
    stamp: STAMP_SENTINEL,
    party: { ...party, uidPrefix: UID_PREFIX, sequence: SEQUENCE_SENTINEL, attendee: { name: NAME, email: EMAIL } },
  };
  return {
    shape,
    fills: [
      [UID_PREFIX, party.uidPrefix],
      [EMAIL, party.attendee.email],
      // As the writer puts a name in CN="…" (cleaned by calendarParam; none at all is the ics package's default).
      [NAME, calendarParam(party.attendee.name) || 'Unnamed attendee'],
      [stampLine(STAMP_SENTINEL), stampLine(invite.stamp)],
      [sequenceLine(SEQUENCE_SENTINEL), sequenceLine(party.sequence)],
    ],
    key: JSON.stringify([shape.party, shape.sessions, shape.method]),
  };
}

const invites = sharedShapes<Invite, Fills, string>({
  mask: masked,
  render: (invite) => registrationInvite(invite.party, invite.sessions, invite.method, invite.stamp),
  fill: (shape, fills) => foldCalendar(replaceMarks(unfolded(shape), fills)),
  same: (a, b) => a === b,
});

/** registrationInvite's calendar for a registrant, shared between registrants of the same sessions. */
export function sharedRegistrationInvite(
  party: InviteParty,
  sessions: InviteSession[],
  method: 'REQUEST' | 'CANCEL',
  stamp = Date.now(),
): Promise<string> {
  return invites.render({ party, sessions, method, stamp });
}

/** Invites written so far: of shared shapes, and directly (tests count them). */
export function sharedInviteCounts(): { shared: number; direct: number } {
  return invites.counts();
}
