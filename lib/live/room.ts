import type { Db } from '@/db/types';
import { ensureRoom } from './events';

export type RoomState = { questionsOpen: boolean };

export async function roomState(db: Db, sessionId: string): Promise<RoomState> {
  const room = await ensureRoom(db, sessionId);
  return { questionsOpen: room.questionsOpen };
}
