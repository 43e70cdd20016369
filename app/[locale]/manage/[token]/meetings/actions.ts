'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { linkAction } from '@/lib/edge/action';
import { invalid, type Result } from '@/lib/errors/result';
import { formArg } from '@/lib/http/action-args';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { blockRequester, unblockPerson } from '@/lib/meetings/block-person';
import { participantForToken } from '@/lib/meetings/participant';
import { proposeMeetingTime } from '@/lib/meetings/propose-time';
import { saveAvailability } from '@/lib/meetings/save-availability';
import { recordMeetingOutcome } from '@/lib/meetings/record-outcome';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { MEETING_DECISIONS } from '@/lib/meetings/request-schema';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { vmsg } from '@/lib/validation/message';
import { signedError } from '@/lib/validation/query-error';

function back(token: string, query: string): never {
  redirect(`/manage/${encodeURIComponent(token)}/meetings?${query}`);
}

/** The outcome as the page's query: done, or the first field at fault and its message (a validation key). */
function answer(token: string, result: Result, done: string): never {
  if (result.ok) back(token, `done=${done}`);
  // Not a field's fault (a meeting that is not the person's, or no longer open): said in words, as a
  // validation key the page translates, never the lib's English sentence.
  const [field, message] = (result.code === 'invalid' && Object.entries(result.fields)[0]) || ['form', vmsg('meetingNotPending')];
  back(token, `field=${encodeURIComponent(field)}&error=${signedError(message)}`);
}

/** Every action acts as the person the manage link names, and only for a confirmed registration. */
async function asParticipant<T>(
  token: string,
  run: (db: Parameters<Parameters<typeof linkAction>[0]>[0]['db'], personId: string) => Promise<T>,
) {
  return linkAction(async ({ db }) => {
    const person = await participantForToken(db, token);
    if (!person) back(token, 'error=link');
    return run(db, person.id);
  });
}

/** Joins matchmaking, or changes the sectors and interests others are suggested by. */
export async function saveMatchmakingAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const result = await asParticipant(token, (db, id) =>
    saveMatchmakingProfile(db, id, { sectors: formData.getAll('sectors'), interests: formData.get('interests') ?? '' }),
  );
  answer(token, result, 'profile');
}

/** Asks someone (a participant or a listing's exhibitor) for a meeting at a slot. */
export async function requestMeetingAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const result = await asParticipant(token, (db, id) =>
    requestMeeting(db, id, {
      with: formData.get('with'),
      slotId: formData.get('slotId'),
      message: formData.get('message') ?? '',
      online: formData.get('online') ?? '',
    }),
  );
  answer(token, result, 'requested');
}

const answerSchema = z.object({ meeting: z.uuid(), decision: z.enum(MEETING_DECISIONS) });

/** Accepts or declines a request made to the person, or cancels one of their meetings. */
export async function answerMeetingAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const parsed = answerSchema.safeParse({ meeting: formData.get('meeting'), decision: formData.get('decision') });
  if (!parsed.success) back(token, 'error=link');
  const { meeting, decision } = parsed.data;
  const meetingUrl = formData.get('meetingUrl') ?? '';
  const result = await asParticipant(token, (db, id) => answerMeeting(db, id, meeting, decision, { meetingUrl }));
  answer(token, result, decision === 'accept' && result.ok && result.meetingUrl ? 'acceptOnline' : decision);
}

/** Records what came of an accepted meeting. */
export async function recordOutcomeAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const meeting = z.uuid().safeParse(formData.get('meeting'));
  if (!meeting.success) back(token, 'error=link');
  const result = await asParticipant(token, (db, id) => recordMeetingOutcome(db, id, meeting.data, formData.get('outcome')));
  answer(token, result, 'outcome');
}

/** Proposes another time for a request made to the person (the request is replaced by one the other way). */
export async function proposeTimeAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const meeting = z.uuid().safeParse(formData.get('meeting'));
  if (!meeting.success) back(token, 'error=link');
  const result = await asParticipant(token, (db, id) =>
    proposeMeetingTime(db, id, meeting.data, { slotId: formData.get('slotId'), message: formData.get('message') ?? '' }),
  );
  // Said above the page rather than beside the request form's own time field.
  answer(
    token,
    !result.ok && result.code === 'invalid' && result.fields.slotId ? invalid({ form: result.fields.slotId }) : result,
    'proposed',
  );
}

/** Saves the meeting times the person cannot meet at. */
export async function saveAvailabilityAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const result = await asParticipant(token, (db, id) => saveAvailability(db, id, { unavailable: formData.getAll('unavailable') }));
  answer(token, result, 'availability');
}

/** Blocks whoever sent a request to the person (and declines it if still open). */
export async function blockRequesterAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const meeting = z.uuid().safeParse(formData.get('meeting'));
  if (!meeting.success) back(token, 'error=link');
  const result = await asParticipant(token, (db, id) => blockRequester(db, id, meeting.data));
  answer(token, result, 'block');
}

/** Takes back a block the person made. */
export async function unblockAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const person = z.uuid().safeParse(formData.get('person'));
  if (!person.success) back(token, 'error=link');
  const result = await asParticipant(token, (db, id) => unblockPerson(db, id, person.data));
  answer(token, result, 'unblock');
}
