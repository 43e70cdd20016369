'use server';

import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { describeConflicts } from '@/lib/agenda/admin/describe-conflicts';
import { previewSessionConflicts, saveSession, type SessionCheck, type SessionEdit } from '@/lib/agenda/admin/save-session';
import { eventAction } from '@/lib/edge/action';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { conflict, ok } from '@/lib/errors/result';
import type { Locale } from '@/lib/i18n/locales';
import { actionArg, formArg } from '@/lib/http/action-args';
import { saveSessionListings } from '@/lib/exhibition/session/save-session-listings';
import { signedError } from '@/lib/validation/query-error';

const sessionId = z.uuid().nullable();

async function conflictText(conflicts: Parameters<typeof describeConflicts>[0]) {
  const [t, locale] = await Promise.all([getTranslations('adminAgenda.conflicts'), getLocale() as Promise<Locale>]);
  return describeConflicts(conflicts, (key, values) => t(key as never, values as never), locale);
}

export async function checkSessionAction(slug: string, id: string | null, values: unknown): Promise<SessionCheck> {
  const session = actionArg(sessionId, id);
  return eventAction(
    slug,
    'agenda',
    async ({ db, actor, event }) => {
      const result = await previewSessionConflicts(db, actor, event.slug, session, values);
      return result.ok ? ok({ conflicts: await conflictText(result.conflicts) }) : result;
    },
    VENUE_EDITORS,
  );
}

export async function saveSessionAction(slug: string, id: string | null, values: unknown): Promise<SessionEdit> {
  const session = actionArg(sessionId, id);
  return eventAction(
    slug,
    'agenda',
    async ({ db, actor, event }) => {
      const result = await saveSession(db, actor, event.slug, session, values);
      if (result.ok) {
        refreshPublicProgramme(event.slug);
        return ok({ id: result.id });
      }
      if (result.code === 'conflict') return conflict(result.error, { conflicts: await conflictText(result.conflicts) });
      return result;
    },
    VENUE_EDITORS,
  );
}

/**
 * Sets the listings a promotion or matchmaking session presents (the session editor's picker posts
 * this, one select per place in the order). Organisers only: listings are theirs to moderate.
 */
export async function saveSessionListingsAction(slug: string, id: string, formData: FormData): Promise<void> {
  const session = actionArg(z.uuid(), id);
  formData = formArg(formData);
  const listingIds = formData.getAll('listingIds').filter((v) => v !== '');
  const done = await eventAction(slug, `agenda/sessions/${session}`, async ({ db, actor, event, path }) => {
    const result = await saveSessionListings(db, actor, event.slug, session, { listingIds });
    if (result.ok) return `${path}?listings=saved#listings`;
    const message = result.code === 'invalid' ? (Object.values(result.fields)[0] ?? '') : '';
    return `${path}?listingsError=${signedError(message)}#listings`;
  });
  redirect(done);
}
