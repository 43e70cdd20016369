/**
 * Where an event stands for the public. Status is what organisers set (draft, published,
 * archived); whether registration is open follows from the registration window, so "open" and
 * "closed" need no clock job: they are true at the instant they are read.
 */
export type EventPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'archived';

export type PhaseFields = {
  status: 'draft' | 'published' | 'archived';
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

export function eventPhase(event: PhaseFields, now: Date): EventPhase {
  if (event.status !== 'published') return event.status;
  if (event.registrationOpensAt === null || now < event.registrationOpensAt) return 'upcoming';
  if (event.registrationClosesAt !== null && now > event.registrationClosesAt) return 'closed';
  return 'open';
}

/** Whether the public sees the event at all (its programme, feeds, API). Archived forums stay readable by address. */
export function isPublic(event: Pick<PhaseFields, 'status'>): boolean {
  return event.status === 'published' || event.status === 'archived';
}

/** Whether the event is listed (home page, /api/v1/events): published ones only. */
export function isListed(event: Pick<PhaseFields, 'status'>): boolean {
  return event.status === 'published';
}
