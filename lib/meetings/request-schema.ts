import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { multiLineText, singleLineText } from '@/lib/validation/text';

/** A form checkbox: sent as 'on' when ticked, absent otherwise. */
const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

/**
 * Whom a meeting is asked of: another participant (`person:<registration id>`), the author of a
 * listing (`listing:<listing id>`, answered by the listing's exhibitor's contact person), or an
 * exhibitor itself (`exhibitor:<exhibitor id>`, answered by its contact person, about no listing).
 */
export type MeetingTargetKind = 'person' | 'listing' | 'exhibitor';

export const meetingTargetSchema = z
  .string({ error: vmsg('meetingWith') })
  .regex(/^(person|listing|exhibitor):[0-9a-f-]{36}$/i, vmsg('meetingWith'))
  .transform((value) => {
    const [kind, id] = value.split(':') as [MeetingTargetKind, string];
    return { kind, id: id.toLowerCase() };
  });

/** The request form and its server action both parse with this. */
export const meetingRequestSchema = z.object({
  with: meetingTargetSchema,
  slotId: z.uuid({ error: vmsg('meetingSlot') }),
  message: multiLineText(500),
  /** Asked online. A meeting is online anyway when either person is not on site at the slot's venue. */
  online: checkbox.optional().default(false),
});

export type MeetingRequestValues = z.input<typeof meetingRequestSchema>;

export const MEETING_DECISIONS = ['accept', 'decline', 'cancel'] as const;
export type MeetingDecision = (typeof MEETING_DECISIONS)[number];

/** An online meeting's link as the invitee enters it on accepting: https only, or empty for a generated one. */
export const meetingUrlSchema = singleLineText(300).refine((v) => v === '' || /^https:\/\/[^\s"'<>]+$/.test(v), vmsg('https'));
