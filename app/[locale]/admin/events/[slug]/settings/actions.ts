'use server';

import { redirect } from 'next/navigation';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { eventAction } from '@/lib/edge/action';
import { changeEventPhase, phaseActionSchema } from '@/lib/events/admin/change-phase';
import { type CloneEventResult, cloneEvent } from '@/lib/events/admin/clone-event';
import { type EventSettingsResult, updateEventSettings } from '@/lib/events/admin/update-event-settings';
import { actionArg } from '@/lib/http/action-args';

export async function changeEventPhaseAction(slug: string, step: string): Promise<void> {
  const phaseStep = actionArg(phaseActionSchema, step);
  const done = await eventAction(slug, 'settings', async ({ db, actor, event, path }) => {
    const outcome = await changeEventPhase(db, actor, event.slug, phaseStep);
    if (!outcome.ok) return `${path}?refused=${outcome.code === 'conflict' ? outcome.reason : 'not-allowed-now'}`;
    refreshPublicProgramme(event.slug);
    return `${path}?done=${phaseStep}`;
  });
  redirect(done);
}

export async function cloneEventAction(slug: string, values: unknown): Promise<CloneEventResult> {
  return eventAction(slug, 'settings', ({ db, actor, event }) => cloneEvent(db, actor, event.slug, values));
}

export async function saveEventSettingsAction(slug: string, values: unknown): Promise<EventSettingsResult> {
  return eventAction(slug, 'settings', async ({ db, actor, event }) => {
    const outcome = await updateEventSettings(db, actor, event.slug, values);
    if (outcome.ok) refreshPublicProgramme(event.slug);
    return outcome;
  });
}
