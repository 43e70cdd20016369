import type { SpeakerTranslations } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { punctuation } from '@/lib/i18n/punctuation';

export type SpeakerCredentialsSource = {
  honorific: string;
  jobTitle: string;
  affiliation: string;
  translations?: SpeakerTranslations | null;
};
export type SpeakerCredentials = { honorific: string; jobTitle: string; affiliation: string };

/**
 * A speaker's honorific, job title and affiliation as a page in `locale` shows them: the plain
 * columns are English; another language shows its own text, or nothing where there is none, so a
 * Chinese page never reads "Dr. Li Wei — 主持, Director-General".
 */
export function speakerCredentials(speaker: SpeakerCredentialsSource, locale: Locale | string): SpeakerCredentials {
  if (locale === 'en') return { honorific: speaker.honorific, jobTitle: speaker.jobTitle, affiliation: speaker.affiliation };
  const own = speaker.translations?.[locale];
  return { honorific: own?.honorific ?? '', jobTitle: own?.jobTitle ?? '', affiliation: own?.affiliation ?? '' };
}

/** "Job title, Affiliation" (or one of them, or empty), with the language's own comma. */
export function credentialsLine(credentials: SpeakerCredentials, locale: Locale | string): string {
  return [credentials.jobTitle, credentials.affiliation].filter(Boolean).join(punctuation(locale).comma);
}

/** The name with its honorific where the language has one. */
export function nameWithHonorific(name: string, credentials: SpeakerCredentials): string {
  return [credentials.honorific, name].filter(Boolean).join(' ');
}
