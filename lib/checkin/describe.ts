import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { eventTimestamp } from '@/lib/format/event-time';
import type { CheckInOutcome } from './check-in';
import type { DelegationCheckIn } from './delegation';
import { printedShortCode } from '@/lib/tickets/short-code';

export type CheckInView = {
  tone: 'ok' | 'warn' | 'bad';
  outcome: CheckInOutcome['outcome'];
  /** The registration, for the undo and badge buttons after a successful check-in. */
  registrationId: string | null;
  shortCode: string | null;
  name: string | null;
  organisation: string | null;
  venue: string | null;
  at: string | null;
  /** Who admitted the person first (a second scan). */
  by: string | null;
  status: string | null;
};

const nobody = { registrationId: null, shortCode: null, name: null, organisation: null, venue: null, at: null, by: null, status: null };

/** The check-in answer as the desk shows it: the time in the venue's zone, labelled. */
export function describeCheckIn(result: CheckInOutcome, locale: Locale): CheckInView {
  if (result.outcome === 'unknown-code' || result.outcome === 'other-venue') return { tone: 'bad', outcome: result.outcome, ...nobody };
  const { person } = result;
  const zone = person.venue?.timeZone ?? 'UTC';
  return {
    tone: result.outcome === 'checked-in' ? 'ok' : result.outcome === 'already' ? 'warn' : 'bad',
    outcome: result.outcome,
    registrationId: person.registrationId,
    shortCode: printedShortCode(person.shortCode),
    name: person.name,
    organisation: person.organisation,
    venue: person.venue ? pick(person.venue.name, locale) : null,
    at: 'at' in result ? eventTimestamp(result.at, zone) : null,
    by: result.outcome === 'already' ? result.by : null,
    status: result.outcome === 'not-admitted' ? result.status : null,
  };
}

export type DelegationCheckInView = {
  outcome: DelegationCheckIn['outcome'];
  name: string | null;
  admitted: string[];
  /** The members admitted before, each with the time (in the venue's zone) and the desk. */
  already: { name: string; at: string; by: string }[];
};

/** A delegation's check-in as the desk shows it: who was admitted now, who before, when and by whom. */
export function describeDelegationCheckIn(result: DelegationCheckIn): DelegationCheckInView {
  if (result.outcome !== 'checked-in') return { outcome: result.outcome, name: null, admitted: [], already: [] };
  return {
    outcome: result.outcome,
    name: result.delegation.name,
    admitted: result.admitted.map((m) => m.name),
    already: result.already.map((m) => ({ name: m.name, at: eventTimestamp(m.at, result.timeZone), by: m.by })),
  };
}
