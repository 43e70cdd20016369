import { getTranslations } from 'next-intl/server';
import type { PublicListing } from '@/lib/exhibition/public-listings';
import { MAX_SESSION_LISTINGS } from '@/lib/exhibition/session/session-listings-schema';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';

type Props = {
  action: (formData: FormData) => Promise<void>;
  choices: PublicListing[];
  /** The listings presented now, in order. */
  chosen: string[];
  locale: Locale;
  saved: boolean;
  /** The refusal's words, when the last save was refused. */
  error?: string;
};

/**
 * The session editor's listing picker: one select per place in the session's order, so the order
 * is chosen without script; an empty place is skipped. Only the event's published listings are offered.
 */
export async function SessionListingsPicker({ action, choices, chosen, locale, saved, error }: Props) {
  const t = await getTranslations('sessionListings');
  const te = await getTranslations('exhibition');
  const placeNumbers = Array.from({ length: Math.min(MAX_SESSION_LISTINGS, chosen.length + 3) }, (_, i) => i + 1);
  return (
    <section className="card" id="listings" aria-labelledby="listings-heading" data-testid="session-listings">
      <h3 id="listings-heading">{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      {saved && (
        <p className="notice ok" role="status">
          {t('saved')}
        </p>
      )}
      {error && (
        <p className="notice bad" role="alert" data-testid="session-listings-error">
          {error}
        </p>
      )}
      {choices.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <form action={action}>
          {placeNumbers.map((n) => (
            <div className="field" key={n}>
              <label htmlFor={`listing-place-${n}`}>{t('place', { n })}</label>
              <select id={`listing-place-${n}`} name="listingIds" defaultValue={chosen[n - 1] ?? ''}>
                <option value="">{t('empty')}</option>
                {choices.map((l) => (
                  <option key={l.id} value={l.id}>
                    {`${pick(l.title, locale)} — ${pick(l.authorName, locale)} · ${te(`kinds.${l.kind}`)}`}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button">
            {t('save')}
          </button>
        </form>
      )}
    </section>
  );
}
