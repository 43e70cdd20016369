'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { htmlLang, LANGUAGES, type Locale, locales } from '@/lib/i18n/locales';

/** Plain links, so switching works without JavaScript too; the client part only keeps the current page. */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  return <LanguageLinks locale={locale} label={label} back={pathname + (search.size ? `?${search.toString()}` : '')} />;
}

/**
 * The links themselves, each language named in its own script and marked with its `lang`, so a
 * screen reader speaks "ไทย" in Thai. Without `back` (cached pages render before any URL is known,
 * and show this until the browser runs the client part) /locale returns to the page named by the Referer.
 */
export function LanguageLinks({ locale, label, back }: { locale: Locale; label: string; back?: string }) {
  return (
    <nav className="lang" aria-label={label}>
      {locales.map((code) => (
        <a
          key={code}
          href={back === undefined ? `/locale?to=${code}` : `/locale?to=${code}&back=${encodeURIComponent(back)}`}
          aria-current={code === locale ? 'true' : undefined}
          lang={htmlLang(code)}
          hrefLang={htmlLang(code)}
        >
          {LANGUAGES[code].name}
        </a>
      ))}
    </nav>
  );
}
