/**
 * The languages the mail templates are written in. Declared here rather than taken from lib/i18n so
 * the templates render what they are given; lib's Locale must stay assignable to it (tsc checks that
 * wherever lib passes a locale in).
 */
export type MailLocale = 'en' | 'zh';
