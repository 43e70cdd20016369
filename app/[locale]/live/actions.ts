'use server';

import { z } from 'zod';
import { linkAction, signedInFormAction } from '@/lib/edge/action';
import { forbidden, type Result } from '@/lib/errors/result';
import { actionArg } from '@/lib/http/action-args';
import { readLiveToken } from '@/lib/live/access';
import { saveBlocklist } from '@/lib/live/blocklist-store';
import { MODERATIONS, type Moderation } from '@/lib/live/moderation';
import { closePoll, openPoll, votePoll } from '@/lib/live/polls';
import { askQuestion, moderateQuestion, setQuestionsOpen, upvoteQuestion } from '@/lib/live/questions';
import { createStageLink, revokeStageLink } from '@/lib/live/stage';
import { uuidSchema } from '@/lib/validation/common';

/** The attendee a page's short-lived live token names, or null (forged, expired, or not an attendee's). */
function attendee(token: unknown) {
  const read = readLiveToken(token);
  return read.ok && read.viewer.kind === 'attendee' ? read.viewer : null;
}

const REFUSED = 'This live room is not open to you; reload the page';

export async function askAction(token: string, values: unknown): Promise<Result<{ id: string }>> {
  const viewer = attendee(token);
  if (!viewer) return forbidden(REFUSED);
  return linkAction(({ db }) => askQuestion(db, viewer.subjectId, viewer.sessionId, values));
}

export async function upvoteAction(token: string, questionId: string): Promise<Result<{ counted: boolean }>> {
  const viewer = attendee(token);
  if (!viewer) return forbidden(REFUSED);
  const id = actionArg(uuidSchema, questionId);
  return linkAction(({ db }) => upvoteQuestion(db, viewer.subjectId, id));
}

export async function votePollAction(token: string, pollId: string, choices: number[]): Promise<Result> {
  const viewer = attendee(token);
  if (!viewer) return forbidden(REFUSED);
  const id = actionArg(uuidSchema, pollId);
  return linkAction(({ db }) => votePoll(db, viewer.subjectId, id, { choices }));
}

export async function moderateAction(sessionId: string, questionId: string, action: Moderation): Promise<Result> {
  actionArg(uuidSchema, sessionId);
  const id = actionArg(uuidSchema, questionId);
  const what = actionArg(z.enum(MODERATIONS), action);
  return signedInFormAction(({ db, actor }) => moderateQuestion(db, actor, id, what));
}

export async function setQuestionsOpenAction(sessionId: string, open: boolean): Promise<Result> {
  const id = actionArg(uuidSchema, sessionId);
  const value = actionArg(z.boolean(), open);
  return signedInFormAction(({ db, actor }) => setQuestionsOpen(db, actor, id, value));
}

export async function openPollAction(sessionId: string, values: unknown): Promise<Result<{ id: string }>> {
  const id = actionArg(uuidSchema, sessionId);
  return signedInFormAction(({ db, actor }) => openPoll(db, actor, id, values));
}

export async function closePollAction(sessionId: string, pollId: string): Promise<Result> {
  actionArg(uuidSchema, sessionId);
  const id = actionArg(uuidSchema, pollId);
  return signedInFormAction(({ db, actor }) => closePoll(db, actor, id));
}

export async function createStageLinkAction(sessionId: string, label: string): Promise<Result<{ path: string }>> {
  const id = actionArg(uuidSchema, sessionId);
  return signedInFormAction(({ db, actor }) => createStageLink(db, actor, id, label));
}

export async function revokeStageLinkAction(sessionId: string, linkId: string): Promise<Result> {
  actionArg(uuidSchema, sessionId);
  const id = actionArg(uuidSchema, linkId);
  return signedInFormAction(({ db, actor }) => revokeStageLink(db, actor, id));
}

export async function saveBlocklistAction(sessionId: string, values: unknown): Promise<Result<{ terms: string[] }>> {
  const id = actionArg(uuidSchema, sessionId);
  return signedInFormAction(({ db, actor }) => saveBlocklist(db, actor, id, values));
}
