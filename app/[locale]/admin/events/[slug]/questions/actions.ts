'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { eventAction } from '@/lib/edge/action';
import { notFound } from '@/lib/errors/result';
import { actionArg } from '@/lib/http/action-args';
import {
  createQuestion,
  moveQuestion,
  retireQuestion,
  type SavedQuestion,
  updateQuestion,
} from '@/lib/registration/questions/admin/save-question';

/** Adds a question (no id) or saves one; the values are parsed in lib/ with the form's own schema. */
export async function saveQuestionAction(eventSlug: string, questionId: string | null, values: unknown): Promise<SavedQuestion> {
  const id = z.uuid().nullable().safeParse(questionId);
  if (!id.success) return notFound('No such question in this event');
  return eventAction(eventSlug, 'questions', ({ db, actor, event }) =>
    id.data ? updateQuestion(db, actor, event.slug, id.data, values) : createQuestion(db, actor, event.slug, values),
  );
}

/** A plain form post from the arrow buttons: back to the list, at the question moved. */
export async function moveQuestionAction(eventSlug: string, questionId: string, direction: 'up' | 'down'): Promise<void> {
  const args = actionArg(z.object({ questionId: z.uuid(), direction: z.enum(['up', 'down']) }), { questionId, direction });
  const done = await eventAction(eventSlug, 'questions', async ({ db, actor, event, path }) => {
    await moveQuestion(db, actor, event.slug, args.questionId, args.direction);
    return `${path}?moved=${args.questionId}#question-${args.questionId}`;
  });
  redirect(done);
}

/** A plain form post: the question is no longer asked; its answers stay. */
export async function retireQuestionAction(eventSlug: string, questionId: string): Promise<void> {
  const id = actionArg(z.uuid(), questionId);
  const done = await eventAction(eventSlug, 'questions', async ({ db, actor, event, path }) => {
    await retireQuestion(db, actor, event.slug, id);
    return `${path}?done=retired`;
  });
  redirect(done);
}
