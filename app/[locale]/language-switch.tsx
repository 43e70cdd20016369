'use client';

import { usePathname, useSearchParams } from 'next/navigation';

const LABELS = { en: 'English', zh: '中文' } as const;

/** Plain links, so switching works without JavaScript too; the client part only keeps the current page. */
export function LanguageSwitch({ locale, label }: { locale: string; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  return <LanguageLinks locale={locale} label={label} back={pathname + (search.size ? `?${search.toString()}` : '')} />;
}

/**
 * The links themselves. Without `back` (cached pages render before any URL is known, and show this
 * until the browser runs the client part) /locale returns to the page named by the Referer.
 */
export function LanguageLinks({ locale, label, back }: { locale: string; label: string; back?: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would need a legend and its styling for five inline links; a labelled group says the same.
    <div className="lang" role="group" aria-label={label}>
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((code) => (
        <a
          key={code}
          href={back === undefined ? `/locale?to=${code}` : `/locale?to=${code}&back=${encodeURIComponent(back)}`}
          aria-current={code === locale ? 'true' : undefined}
          lang={code === 'zh' ? 'zh-CN' : 'en'}
          hrefLang={code}
        >
          {LABELS[code]}
        </a>
      ))}
    </div>
  );
}
