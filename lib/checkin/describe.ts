import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { eventTimestamp } from '@/lib/format/event-time';
import type { CheckInOutcome } from './check-in';

export type CheckInView = {
  tone: 'ok' | 'warn' | 'bad';
  outcome: CheckInOutcome['outcome'];
  name: string | null;
  organisation: string | null;
  venue: string | null;
  at: string | null;
  status: string | null;
};

/** The check-in answer as the desk shows it: the time in the venue's zone, labelled. */
export function describeCheckIn(result: CheckInOutcome, locale: Locale): CheckInView {
  if (result.outcome === 'unknown-code')
    return { tone: 'bad', outcome: result.outcome, name: null, organisation: null, venue: null, at: null, status: null };
  const { person } = result;
  const zone = person.venue?.timeZone ?? 'UTC';
  const at = 'at' in result ? eventTimestamp(result.at, zone) : null;
  return {
    tone: result.outcome === 'checked-in' ? 'ok' : result.outcome === 'already' ? 'warn' : 'bad',
    outcome: result.outcome,
    name: person.name,
    organisation: person.organisation,
    venue: person.venue ? pick(person.venue.name, locale) : null,
    at,
    status: result.outcome === 'not-admitted' ? result.status : null,
  };
}
