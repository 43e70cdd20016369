import type { LocalizedText } from '@/db/schema';

/** One session of the programme as the public sees it (a published snapshot or the working copy). */
export type AgendaSession = {
  id: string;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: string;
  segment: string;
  startsAt: Date;
  endsAt: Date;
  venueId: string;
  roomId: string | null;
  capacity: number | null;
  streamed: boolean;
  hasRecording: boolean;
  languages: string[];
  status: 'scheduled' | 'changed' | 'cancelled';
  revision: number;
  relays: { venueId: string; roomId: string | null }[];
  speakers: { speakerId: string; role: string; presence: string }[];
};
