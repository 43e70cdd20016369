/** What saving a venue, room or speaker answers; authorization failures throw instead. */
export type SaveResult =
  | { ok: true; id: string /** Sessions held at or relayed to a venue whose zone changed. */; shiftedSessions?: number }
  | { ok: false; status: 422; fields: Record<string, string> }
  | { ok: false; status: 404; error: string };

export type SessionRef = { id: string; slug: string; title: { en: string; zh?: string } };

export type DeleteRoomResult =
  | { ok: true }
  | { ok: false; status: 404; error: string }
  | { ok: false; status: 409; error: string; sessions: SessionRef[] };

export const invalid = (fields: Record<string, string>): SaveResult => ({ ok: false, status: 422, fields });
export const missing = (what: 'venue' | 'room' | 'speaker'): { ok: false; status: 404; error: string } => ({
  ok: false,
  status: 404,
  error: `No such ${what} in this event`,
});
