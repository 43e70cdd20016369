import { z } from 'zod';

/**
 * A validation message travels as a key of the `validation` messages with its values
 * ("tooLong?max=120"), never as text: the same schema runs in the browser and on the server, and only
 * whoever shows the message knows the reader's language. translate-validation.ts turns it into words.
 */
export const VALIDATION_KEYS = [
  'invalid',
  'letterPlaceholder',
  'documentImageTooBig',
  'documentImageType',
  'passportName',
  'passportNumber',
  'dateOfBirth',
  'passportExpiry',
  'certificatesNotYet',
  'required',
  'choose',
  'text',
  'tooLong',
  'tooShort',
  'tooBig',
  'tooSmall',
  'tooMany',
  'wholeNumber',
  'number',
  'email',
  'country',
  'participantType',
  'mode',
  'venue',
  'venueRequired',
  'venueNotOnSite',
  'sessions',
  'sessionUnknown',
  'sessionCancelled',
  'sessionNotAtVenue',
  'sessionNotStreamed',
  'emailLanguage',
  'consent',
  'oneLine',
  'controlChars',
  'slug',
  'timeZone',
  'https',
  'date',
  'time',
  'endAfterStart',
  'relayOwnVenue',
  'speakerTwice',
  'languages',
  'onlineCapacity',
  'ticketCode',
  'notTicketCode',
  'password',
  'confirmCancel',
  'confirmErase',
  'registrationCancelled',
  'registrationClosed',
  'registrationNotYet',
  'lastDayBeforeFirst',
  'eventSlugTaken',
  'sessionsOutsideDates',
  'closesBeforeOpens',
  'retentionDays',
  'inviteRole',
  'venueRequiredForRole',
  'alreadyMember',
  'alreadyInvited',
  'venueNotInEvent',
  'roomNotInVenue',
  'relayOtherEvent',
  'relayOutsideScope',
  'speakerOtherEvent',
  'venueLocked',
  'slugTaken',
  'emailTaken',
  'registrationEmailTaken',
  'categoryFull',
  'decideFirst',
  'sameEmail',
  'emailChangeLink',
  'capacityBelowSeats',
  'venueCapacityBelow',
  'venueOnlineAttending',
  'photoTooBig',
  'photoType',
  'subject',
  'body',
  'pagePosition',
  'phone',
  'notAsked',
  'answers',
  'category',
  'invitationCode',
  'categoryNotYet',
  'categoryClosed',
  'categoryMode',
  'categoryVenue',
  'registrationPending',
  'notPending',
  'categoryCapacityBelow',
  'codeCount',
  'codeUses',
  'expiryInPast',
  'allowedModes',
  'chooseRegistrations',
  'sectors',
  'boothRequired',
  'boothOnline',
  'boothTaken',
  'exhibitor',
  'trl',
  'cooperation',
  'meetingSlot',
  'meetingWith',
  'meetingSelf',
  'meetingYouBusy',
  'meetingTheyBusy',
  'meetingNotOptedIn',
  'meetingNoTable',
  'meetingNotPending',
  'meetingOutcome',
  'meetingTooMany',
  'meetingNotConfirmed',
  'meetingSlotTaken',
  'meetingYouUnavailable',
  'meetingTheyUnavailable',
  'meetingUnavailableHeld',
  'meetingOtherSlot',
  'meetingTooManyHour',
  'meetingBlocked',
  'meetingCooldown',
  'pollOptions',
  'emailChangeTooMany',
  'delegationMembers',
  'delegationNoPlaces',
  'delegationVenueFull',
  'memberEmailTwice',
  'memberTaken',
  'memberLineColumns',
  'memberLineEmail',
  'memberLineName',
  'memberLineTooLong',
  'notYourMember',
  'delegationDecided',
] as const;
export type ValidationKey = (typeof VALIDATION_KEYS)[number];

const KNOWN = new Set<string>(VALIDATION_KEYS);

/** The message for `key`, with its values: what schemas and domain checks put in an issue. */
export function vmsg(key: ValidationKey, values?: Record<string, string | number>): string {
  if (!values) return key;
  return `${key}?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** The key and values of a message; anything that is not one of ours reads as "invalid", never as raw text. */
export function readValidationMessage(message: string | undefined | null): { key: ValidationKey; values: Record<string, string> } {
  const [key = '', query = ''] = String(message ?? '').split('?', 2);
  if (!KNOWN.has(key)) return { key: 'invalid', values: {} };
  return { key: key as ValidationKey, values: Object.fromEntries(new URLSearchParams(query)) };
}

/** Whether a message is one of ours (a key, as vmsg writes it). */
export function isValidationMessage(message: unknown): message is string {
  return typeof message === 'string' && KNOWN.has(message.split('?', 1)[0] ?? '');
}

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

/**
 * The messages for issues a schema gives no words of its own, in place of zod's English defaults
 * ("Invalid input", "Too small: expected string to have >=1 characters").
 */
export const validationError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return isEmpty(issue.input) ? vmsg('required') : vmsg(issue.expected === 'number' ? 'number' : 'invalid');
    case 'too_big':
      if (issue.origin === 'string') return vmsg('tooLong', { max: String(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return vmsg('tooMany', { max: String(issue.maximum) });
      return vmsg('tooBig', { max: String(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? vmsg('required') : vmsg('tooShort', { min: String(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return vmsg('choose');
      return vmsg('tooSmall', { min: String(issue.minimum) });
    case 'invalid_value':
    case 'invalid_union':
      return isEmpty(issue.input) ? vmsg('required') : vmsg('choose');
    case 'invalid_format':
      if (issue.format === 'email') return vmsg('email');
      if (issue.format === 'uuid' || issue.format === 'guid') return vmsg('choose');
      return vmsg('invalid');
    case 'not_multiple_of':
      return vmsg('wholeNumber');
    default:
      return vmsg('invalid');
  }
};

// Installed wherever a schema is defined (every schema module imports this one), in the browser and
// on the server alike.
z.config({ customError: validationError });
