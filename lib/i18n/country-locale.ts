import { isLocale, type Locale } from './locales';

/** The language most people of a country read, where the forum offers it (else English). */
const COUNTRY_LANGUAGE: Readonly<Record<string, string>> = {
  CN: 'zh',
  TW: 'zh',
  HK: 'zh',
  MO: 'zh',
  JP: 'ja',
  KR: 'ko',
  TH: 'th',
  VN: 'vi',
  ID: 'id',
  MY: 'ms',
  BN: 'ms',
  LA: 'lo',
  KH: 'km',
  MM: 'my',
  PH: 'fil',
};

/**
 * The language to write to a person in when they never chose one (speakers are entered by the
 * organisers): their country's, once the forum has it (adding vi makes Vietnamese speakers get it).
 */
export function localeForCountry(country: string | null | undefined): Locale {
  const language = COUNTRY_LANGUAGE[country ?? ''];
  return isLocale(language) ? language : 'en';
}
