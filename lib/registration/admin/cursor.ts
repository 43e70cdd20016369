import { registrations } from '@/db/schema';
import { keyset } from '@/lib/pagination/keyset';

export { cursorSchema, encodeCursor, type Cursor, type Direction } from '@/lib/pagination/keyset';

const registrationKeyset = keyset(registrations.createdAt, registrations.id);

/** Registrations are paged by (created_at, id), which the (event_id, created_at) index serves. */
export const createdAtCursorText = registrationKeyset.cursorText;
export const afterCursor = registrationKeyset.after;
export const keysetOrder = registrationKeyset.order;
