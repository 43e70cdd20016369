'use server';

import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { describeConflicts } from '@/lib/agenda/admin/describe-conflicts';
import { previewSessionConflicts, saveSession, type SessionCheck, type SessionEdit } from '@/lib/agenda/admin/save-session';
import { conflict, ok } from '@/lib/errors/result';
import type { Locale } from '@/lib/i18n/locales';
import { slugSchema } from '@/lib/validation/common';
import { actionArg } from '@/lib/http/action-args';

const target = z.object({ slug: slugSchema, id: z.uuid().nullable() });

async function conflictText(conflicts: Parameters<typeof describeConflicts>[0]) {
  const [t, locale] = await Promise.all([getTranslations('adminAgenda.conflicts'), getLocale() as Promise<Locale>]);
  return describeConflicts(conflicts, (key, values) => t(key as never, values as never), locale);
}

export async function checkSessionAction(slug: string, id: string | null, values: unknown): Promise<SessionCheck> {
  const ids = actionArg(target, { slug, id });
  const path = `/admin/events/${ids.slug}/agenda`;
  const result = await runForAction(path, async (actor) => previewSessionConflicts(await getDb(), actor, ids.slug, ids.id, values));
  return result.ok ? ok({ conflicts: await conflictText(result.conflicts) }) : result;
}

export async function saveSessionAction(slug: string, id: string | null, values: unknown): Promise<SessionEdit> {
  const ids = actionArg(target, { slug, id });
  const path = `/admin/events/${ids.slug}/agenda`;
  const result = await runForAction(path, async (actor) => saveSession(await getDb(), actor, ids.slug, ids.id, values));
  if (result.ok) {
    refreshPublicProgramme(ids.slug);
    return ok({ id: result.id });
  }
  if (result.code === 'conflict') return conflict(result.error, { conflicts: await conflictText(result.conflicts) });
  return result;
}
