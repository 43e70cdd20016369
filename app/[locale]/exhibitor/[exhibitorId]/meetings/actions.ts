'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Db } from '@/db/types';
import { signedInAction } from '@/lib/edge/action';
import { invalid, type Result } from '@/lib/errors/result';
import { asExhibitor } from '@/lib/meetings/exhibitor-staff-meetings';
import { actionArg, formArg } from '@/lib/http/action-args';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { blockRequester } from '@/lib/meetings/block-person';
import { proposeMeetingTime } from '@/lib/meetings/propose-time';
import { recordMeetingOutcome } from '@/lib/meetings/record-outcome';
import { MEETING_DECISIONS } from '@/lib/meetings/request-schema';
import { vmsg } from '@/lib/validation/message';
import { signedError } from '@/lib/validation/query-error';

/*
 * The exhibitor portal's meeting steps, the manage link's own (app/[locale]/manage/[token]/meetings)
 * acted as the exhibitor's answerer. Each names the exhibitor (bound on the page) and the meeting
 * (in the form); lib/meetings/exhibitor-staff-meetings.ts checks the signed-in person staffs it and
 * that the meeting is the exhibitor's before anything is written.
 */

function back(exhibitorId: string, result: Result, done: string): never {
  const page = `/exhibitor/${exhibitorId}/meetings`;
  if (result.ok) redirect(`${page}?done=${done}`);
  const [field, message] = (result.code === 'invalid' && Object.entries(result.fields)[0]) || ['form', vmsg('meetingNotPending')];
  redirect(`${page}?field=${encodeURIComponent(field)}&error=${signedError(message)}`);
}

const meetingOf = (formData: FormData) => actionArg(z.uuid(), formData.get('meeting'));

async function step<T extends object>(
  exhibitorId: string,
  meetingId: string,
  run: (db: Db, personId: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  return signedInAction(`/exhibitor/${exhibitorId}/meetings`, ({ db, actor }) =>
    asExhibitor(db, actor, exhibitorId, meetingId, (personId) => run(db, personId)),
  );
}

/** Accepts (with a table, or a link when online) or declines a request to the exhibitor, or cancels one of its meetings. */
export async function answerExhibitorMeetingAction(exhibitorId: string, formData: FormData): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const form = formArg(formData);
  const meeting = meetingOf(form);
  const decision = actionArg(z.enum(MEETING_DECISIONS), form.get('decision'));
  const meetingUrl = form.get('meetingUrl') ?? '';
  const result = await step(id, meeting, (db, personId) => answerMeeting(db, personId, meeting, decision, { meetingUrl }));
  back(id, result, decision === 'accept' && result.ok && result.meetingUrl ? 'acceptOnline' : decision);
}

/** Proposes another time for a request to the exhibitor. */
export async function proposeExhibitorTimeAction(exhibitorId: string, formData: FormData): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const form = formArg(formData);
  const meeting = meetingOf(form);
  const result = await step(id, meeting, (db, personId) =>
    proposeMeetingTime(db, personId, meeting, { slotId: form.get('slotId'), message: form.get('message') ?? '' }),
  );
  back(id, !result.ok && result.code === 'invalid' && result.fields.slotId ? invalid({ form: result.fields.slotId }) : result, 'proposed');
}

/** Records what came of one of the exhibitor's accepted meetings. */
export async function recordExhibitorOutcomeAction(exhibitorId: string, formData: FormData): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const form = formArg(formData);
  const meeting = meetingOf(form);
  const result = await step(id, meeting, (db, personId) => recordMeetingOutcome(db, personId, meeting, form.get('outcome')));
  back(id, result, 'outcome');
}

/** Blocks whoever sent the exhibitor a request (and declines it if still open). */
export async function blockExhibitorRequesterAction(exhibitorId: string, formData: FormData): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const form = formArg(formData);
  const meeting = meetingOf(form);
  const result = await step(id, meeting, (db, personId) => blockRequester(db, personId, meeting));
  back(id, result, 'block');
}
