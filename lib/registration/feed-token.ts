import { appEnv } from '@/lib/config/env';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';

const PURPOSE = 'registration-feed';

/** A calendar-app subscription address: it shows the registrant's sessions and can change nothing. */
export function registrationFeedUrl(registrationId: string): string {
  return `${appEnv().appUrl}/api/v1/me/${signIds(PURPOSE, [registrationId])}/calendar.ics`;
}

export function registrationIdFromFeedToken(token: string): string | null {
  return verifySignedIds(PURPOSE, token, 1)?.[0] ?? null;
}
