import type { sessions } from '@/db/schema';
import { isLocale, type Locale, locales } from '@/lib/i18n/locales';

/**
 * A session's stream has a floor channel (the room's own sound, the session's livestream URL) and may
 * have interpretation channels, one per interface language interpreted into. Every channel is behind
 * the same entitlement and the same short-lived signed redirect as the floor.
 */
export const INTERPRETATION_LANGUAGES = locales;
export type InterpretationLanguage = Locale;
export type Channel = 'floor' | InterpretationLanguage;

export function isInterpretationLanguage(value: unknown): value is InterpretationLanguage {
  return isLocale(value);
}

export function isChannel(value: unknown): value is Channel {
  return value === 'floor' || isInterpretationLanguage(value);
}

type StreamUrls = Pick<typeof sessions.$inferSelect, 'livestreamUrl' | 'interpretationUrls'>;

/** The URL a channel plays, or null when the session has no such channel. */
export function channelUrl(session: StreamUrls, channel: Channel): string | null {
  if (channel === 'floor') return session.livestreamUrl ?? null;
  // Interpretation needs a floor: without it the session is not streamed at all.
  if (!session.livestreamUrl) return null;
  return session.interpretationUrls[channel] ?? null;
}

/** The channels a session offers, the floor first, then the interpretations in the interface's order. */
export function sessionChannels(session: StreamUrls): Channel[] {
  if (!session.livestreamUrl) return [];
  return ['floor', ...INTERPRETATION_LANGUAGES.filter((language) => channelUrl(session, language))];
}

/**
 * Which channel a viewer starts on: the one they picked (if offered), else interpretation into their
 * own language (the registration's), else the floor.
 */
export function preferredChannel(offered: Channel[], picked: unknown, language: string): Channel | null {
  if (isChannel(picked) && offered.includes(picked)) return picked;
  if (isInterpretationLanguage(language) && offered.includes(language)) return language;
  return offered[0] ?? null;
}

/** Whether a stream URL is an HLS playlist the page's player can play (anything else opens as a link). */
export function isHlsUrl(url: string): boolean {
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.m3u8');
  } catch {
    return false;
  }
}
