/** What an organiser's registration action answers; authorization failures throw instead. */
export type AdminActionResult = { ok: true; promoted?: string | null } | { ok: false; status: 404 | 409 | 422; error: string };

export const notFound: AdminActionResult = { ok: false, status: 404, error: 'No such registration in this event' };
