import { getDb } from '@/lib/database/process-database';
import { agendaRoute } from '@/lib/edge/route';
import { questionJson } from '@/lib/registration/questions/api-json';
import { eventQuestions } from '@/lib/registration/questions/load';

export const dynamic = 'force-dynamic';

/** The questions a published forum's registration asks, in order: POST …/registrations answers them in `answers`. */
export const GET = agendaRoute(async ({ agenda }) =>
  Response.json({ questions: (await eventQuestions(await getDb(), agenda.event.id)).map(questionJson) }),
);
