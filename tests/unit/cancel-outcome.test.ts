import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import { createTranslator } from 'next-intl';
import { cancelOutcome } from '@/lib/registration/cancel-outcome';
import type { RegistrationView } from '@/lib/registration/result';

const base: RegistrationView = {
  id: 'r',
  email: 'a@example.org',
  name: 'A',
  mode: 'in_person',
  venue: 'nanning',
  status: 'confirmed',
  waitlistPosition: null,
  sessions: [],
};

function said(view: RegistrationView, locale: 'en' | 'zh') {
  const t = createTranslator({ locale, messages: loadMessages(locale) as never, namespace: 'manage' as never }) as unknown as (
    key: string,
    values: Record<string, string | number>,
  ) => string;
  const { seats, waitlisted } = cancelOutcome(view);
  return t('cancelled', { seats, waitlisted: waitlisted ? 'yes' : 'no' }).trim();
}

describe('the cancel notice says what happened (issue 15, point 11)', () => {
  it('names the seats given up, and the waitlist only when the person was on one', () => {
    const twoSeats = { ...base, sessions: [{ sessionId: 's', status: 'confirmed' as const, position: null }] };
    expect(said(twoSeats, 'en')).toBe('Your registration is cancelled. The 2 seats you held are free again for others.');
    expect(said({ ...base, mode: 'online', venue: null }, 'en')).toBe('Your registration is cancelled.');
    expect(said({ ...base, status: 'waitlisted', waitlistPosition: 3 }, 'en')).toBe(
      'Your registration is cancelled. You have left the waitlist.',
    );
    for (const view of [twoSeats, base, { ...base, status: 'waitlisted' as const }]) {
      expect(said(view, 'en')).not.toContain('next people on the waitlist');
      expect(said(view, 'zh')).not.toContain('让给候补名单');
    }
  });

  it('counts the venue seat of a confirmed or checked-in registration, each confirmed session, and any line it stood in', () => {
    const confirmed = (id: string) => ({ sessionId: id, status: 'confirmed' as const, position: null });
    const waiting = (id: string, position: number) => ({ sessionId: id, status: 'waitlisted' as const, position });
    expect(cancelOutcome({ ...base, status: 'checked_in' })).toEqual({ seats: 1, waitlisted: false });
    expect(cancelOutcome({ ...base, sessions: [confirmed('a'), waiting('b', 2), confirmed('c')] })).toEqual({ seats: 3, waitlisted: true });
    expect(cancelOutcome({ ...base, sessions: [waiting('b', 1)] })).toEqual({ seats: 1, waitlisted: true });
    expect(cancelOutcome({ ...base, status: 'pending', sessions: [] })).toEqual({ seats: 0, waitlisted: false });
    expect(cancelOutcome({ ...base, status: 'waitlisted', waitlistPosition: 1, sessions: [waiting('a', 4)] })).toEqual({
      seats: 0,
      waitlisted: true,
    });
    expect(cancelOutcome({ ...base, mode: 'online', venue: null, sessions: [confirmed('a'), confirmed('b')] })).toEqual({
      seats: 2,
      waitlisted: false,
    });
  });
});
