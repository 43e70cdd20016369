/**
 * The language a mail is written in, as its `lang` attribute and its font stack take it: a BCP 47
 * tag. Declared here rather than taken from lib/i18n so the templates render what they are given:
 * they hold no text of their own (lib translates every word), so a new language needs nothing here.
 */
export type MailLocale = string;
