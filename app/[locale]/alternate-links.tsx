'use client';

import { usePathname } from 'next/navigation';
import { htmlLang, isLocale, locales } from '@/lib/i18n/locales';

/**
 * `<link rel="alternate" hreflang>` for this page in every language: /th/agenda is the programme in
 * Thai whatever the reader's cookie says (lib/http/locale-rewrite.ts), and the unprefixed address is
 * the default that follows the reader's choice. React puts the links into the document's head.
 * The addresses are relative: pages are rendered once and cached, so they cannot hold the origin of
 * the request that reads them.
 */
export function AlternateLinks() {
  const pathname = usePathname() ?? '/';
  const [, first, ...rest] = pathname.split('/');
  // The address as the reader typed it, without a language segment of its own.
  const path = isLocale(first) ? `/${rest.join('/')}` : pathname;
  const suffix = path === '/' ? '' : path;
  return (
    <>
      {locales.map((code) => (
        <link key={code} rel="alternate" hrefLang={htmlLang(code)} href={`/${code}${suffix}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={suffix || '/'} />
    </>
  );
}
