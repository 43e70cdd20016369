import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';
import type { FilterOptions } from '@/lib/registration/admin/filter-options';
import { REGISTRATION_STATUSES, type RegistrationFilters } from '@/lib/registration/admin/filters';
import { ATTENDANCE_MODES, PARTICIPANT_TYPES } from '@/lib/registration/choices-lists';

/** The filter form (a plain GET form, so it works without script and the URL can be shared). */
export async function RegistrationFilterForm({
  action,
  filters,
  options,
  hidden = {},
  children,
}: {
  action: string;
  filters: RegistrationFilters;
  options: FilterOptions;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations('adminRegistrations'), getLocale() as Promise<Locale>]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> around a form is not yet announced by every screen reader we test with; role=search on the form is.
    <form method="get" action={action} className="card" role="search" aria-label={t('filters')}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="admin-filters">
        <div className="field">
          <label htmlFor="f-q">{t('search')}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder={t('searchHint')} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="f-venue">{t('venue')}</label>
          <select id="f-venue" name="venue" defaultValue={filters.venue ?? ''}>
            <option value="">{t('any')}</option>
            {options.venues.map((v) => (
              <option key={v.slug} value={v.slug}>
                {pick(v.name, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-mode">{t('mode')}</label>
          <select id="f-mode" name="mode" defaultValue={filters.mode ?? ''}>
            <option value="">{t('any')}</option>
            {ATTENDANCE_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('status')}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('any')}</option>
            {REGISTRATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-country">{t('country')}</label>
          <select id="f-country" name="country" defaultValue={filters.country ?? ''}>
            <option value="">{t('any')}</option>
            {options.countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c, locale)} ({c})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-type">{t('type')}</label>
          <select id="f-type" name="type" defaultValue={filters.type ?? ''}>
            <option value="">{t('any')}</option>
            {PARTICIPANT_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`types.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {options.categories.length > 0 && (
          <div className="field">
            <label htmlFor="f-category">{t('category')}</label>
            <select id="f-category" name="category" defaultValue={filters.category ?? ''}>
              <option value="">{t('any')}</option>
              {options.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(c.name, locale)}
                </option>
              ))}
              <option value="none">{t('noCategory')}</option>
            </select>
          </div>
        )}
        {options.delegations.length > 0 && (
          <div className="field">
            <label htmlFor="f-delegation">{t('delegation')}</label>
            <select id="f-delegation" name="delegation" defaultValue={filters.delegation ?? ''}>
              <option value="">{t('any')}</option>
              {options.delegations.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
              <option value="none">{t('noDelegation')}</option>
            </select>
          </div>
        )}
        {options.questions.length > 0 && (
          <>
            <div className="field">
              <label htmlFor="f-question">{t('question')}</label>
              <select id="f-question" name="question" defaultValue={filters.question ?? ''}>
                <option value="">{t('any')}</option>
                {options.questions.map((q) => (
                  <option key={q.id} value={q.id}>
                    {pick(q.label, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-answer">{t('answer')}</label>
              <input id="f-answer" name="answer" type="search" defaultValue={filters.answer ?? ''} maxLength={200} />
            </div>
          </>
        )}
        {children}
      </div>
      <div className="actions">
        <button className="button" type="submit">
          {t('apply')}
        </button>
        <a className="button secondary" href={action}>
          {t('reset')}
        </a>
      </div>
    </form>
  );
}
