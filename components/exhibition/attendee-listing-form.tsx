import { getTranslations } from 'next-intl/server';
import { COOPERATION_KINDS, IP_STATUSES, LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';
import type { CountryOption } from '@/lib/admin/form-options';
import type { AttendeeListingValues } from '@/lib/exhibition/attendee/attendee-listing-schema';

type Props = {
  /** The form's own prefix for ids, so two forms on one page never share one. */
  prefix: string;
  action: (formData: FormData) => Promise<void>;
  values: AttendeeListingValues;
  /** The listing edited, or none for a new one. */
  listingId?: string;
  /** The author's language is not English: an English title is offered beside theirs. */
  askEnglish: boolean;
  countries: CountryOption[];
  /** The field at fault and its words, when the page came back with an error for this form. */
  error?: { field: string; words: string };
  submit: string;
};

const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * An attendee's offer or need, a plain form (no script needed) posted to a server action that
 * parses it with the shared schema; the error comes back beside its field.
 */
export async function AttendeeListingForm({ prefix, action, values, listingId, askEnglish, countries, error, submit }: Props) {
  const t = await getTranslations('exhibition');
  const tm = await getTranslations('myListings');
  const id = (field: string) => `${prefix}-${field}`;
  const aria = (field: string) =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id(field)}-error` } : ({} as Record<string, never>);
  const errorFor = (field: string) =>
    error?.field === field ? (
      <span className="error" id={`${id(field)}-error`} data-testid={`error-${field}`}>
        {error.words}
      </span>
    ) : null;
  return (
    <form action={action} data-testid={`${prefix}-form`}>
      {listingId && <input type="hidden" name="listing" value={listingId} />}
      <fieldset className="field">
        <legend>{t('listingsAdmin.form.kind')}</legend>
        {LISTING_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} defaultChecked={values.kind === k} /> {t(`kindLong.${k}`)}
          </label>
        ))}
        {errorFor('kind')}
      </fieldset>
      <div className="field">
        <label htmlFor={id('title')}>{tm('form.title')}</label>
        <input id={id('title')} name="title" maxLength={200} required defaultValue={values.title} {...aria('title')} />
        {errorFor('title')}
      </div>
      {askEnglish && (
        <div className="field">
          <label htmlFor={id('titleEn')}>{tm('form.titleEn')}</label>
          <input id={id('titleEn')} name="titleEn" maxLength={200} lang="en" defaultValue={values.titleEn} {...aria('titleEn')} />
          {errorFor('titleEn')}
        </div>
      )}
      <div className="field">
        <label htmlFor={id('summary')}>{t('listingsAdmin.form.summary')}</label>
        <textarea id={id('summary')} name="summary" maxLength={2000} rows={4} defaultValue={values.summary} {...aria('summary')} />
        {errorFor('summary')}
      </div>
      <div className="field">
        <label htmlFor={id('sector')}>{t('listingsAdmin.form.sector')}</label>
        <select id={id('sector')} name="sector" defaultValue={values.sector ?? ''} {...aria('sector')}>
          <option value="">{t('listingsAdmin.form.chooseSector')}</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sectors.${s}`)}
            </option>
          ))}
        </select>
        {errorFor('sector')}
      </div>
      <div className="field">
        <label htmlFor={id('trl')}>{t('listingsAdmin.form.trl')}</label>
        <select id={id('trl')} name="trl" defaultValue={String(values.trl ?? '')} {...aria('trl')}>
          <option value="">{t('listingsAdmin.form.chooseTrl')}</option>
          {TRLS.map((n) => (
            <option key={n} value={n}>
              {t('listingsAdmin.form.trlLevel', { trl: n, words: t(`trlWords.${n}` as never) })}
            </option>
          ))}
        </select>
        {errorFor('trl')}
      </div>
      <div className="field">
        <label htmlFor={id('ipStatus')}>{t('listingsAdmin.form.ip')}</label>
        <select id={id('ipStatus')} name="ipStatus" defaultValue={values.ipStatus ?? ''} {...aria('ipStatus')}>
          <option value="">{t('listingsAdmin.form.chooseIp')}</option>
          {IP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`ip.${s}`)}
            </option>
          ))}
        </select>
        {errorFor('ipStatus')}
      </div>
      <fieldset className="field">
        <legend>{t('listingsAdmin.form.cooperation')}</legend>
        {COOPERATION_KINDS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              name="cooperation"
              value={c}
              defaultChecked={(values.cooperation as string[] | undefined)?.includes(c)}
            />{' '}
            {t(`cooperationKinds.${c}`)}
          </label>
        ))}
        {errorFor('cooperation')}
      </fieldset>
      <div className="field">
        <label htmlFor={id('countries')}>{t('listingsAdmin.form.countries')}</label>
        <select
          id={id('countries')}
          name="countries"
          multiple
          size={5}
          defaultValue={(values.countries as string[] | undefined) ?? []}
          aria-describedby={`${id('countries')}-hint`}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <span className="muted" id={`${id('countries')}-hint`}>
          {t('listingsAdmin.form.countriesHint')}
        </span>
        {errorFor('countries')}
      </div>
      <button type="submit" className="button">
        {submit}
      </button>
    </form>
  );
}
