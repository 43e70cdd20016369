'use server';

import { redirect } from 'next/navigation';
import { runForAction } from '@/lib/admin/page-guard';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { getDb } from '@/lib/database/process-database';
import { changeEventPhase, phaseActionSchema } from '@/lib/events/admin/change-phase';
import { type CloneEventOutcome, cloneEvent } from '@/lib/events/admin/clone-event';
import { type EventSettingsOutcome, updateEventSettings } from '@/lib/events/admin/update-event-settings';
import { actionArg } from '@/lib/http/action-args';
import { slugSchema } from '@/lib/validation/common';

export async function changeEventPhaseAction(slug: string, step: string): Promise<void> {
  const eventSlug = actionArg(slugSchema, slug);
  const phaseStep = actionArg(phaseActionSchema, step);
  const path = `/admin/events/${eventSlug}/settings`;
  const outcome = await runForAction(path, async (actor) => changeEventPhase(await getDb(), actor, eventSlug, phaseStep));
  if (outcome.ok) refreshPublicProgramme(eventSlug);
  redirect(outcome.ok ? `${path}?done=${phaseStep}` : `${path}?refused=${outcome.reason}`);
}

export async function cloneEventAction(slug: string, values: unknown): Promise<CloneEventOutcome> {
  const eventSlug = actionArg(slugSchema, slug);
  const path = `/admin/events/${eventSlug}/settings`;
  return runForAction(path, async (actor) => cloneEvent(await getDb(), actor, eventSlug, values));
}

export async function saveEventSettingsAction(slug: string, values: unknown): Promise<EventSettingsOutcome> {
  const eventSlug = actionArg(slugSchema, slug);
  const path = `/admin/events/${eventSlug}/settings`;
  const outcome = await runForAction(path, async (actor) => updateEventSettings(await getDb(), actor, eventSlug, values));
  if (outcome.ok) refreshPublicProgramme(eventSlug);
  return outcome;
}
