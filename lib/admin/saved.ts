import { notFound, type Result } from '@/lib/errors/result';

/** What saving a venue, room or speaker answers; authorization failures throw instead. */
export type Saved = Result<{ id: string /** Sessions held at or relayed to a venue whose zone changed. */; shiftedSessions?: number }>;

export type SessionRef = { id: string; slug: string; title: { en: string; zh?: string } };

/** Deleting a room: refused as a conflict, with the sessions still using it. */
export type RoomDeletion = Result<object, { sessions: SessionRef[] }>;

export const missing = (what: 'venue' | 'room' | 'speaker') => notFound(`No such ${what} in this event`);
