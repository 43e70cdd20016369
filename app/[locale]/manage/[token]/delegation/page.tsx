import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { getDb } from '@/lib/database/process-database';
import { pageInput, type PageProps } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { countryName } from '@/lib/registration/admin/country-name';
import { delegationForHead } from '@/lib/registration/delegations/head';
import { validationWords } from '@/lib/validation/server-words';
import { addDelegationMemberAction, cancelDelegationMemberAction, changeDelegationMemberAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your delegation', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['added', 'changed', 'cancelled']).optional().catch(undefined),
  error: queryErrorField,
});

/** The head's view of their delegation: every member, and adding, changing or cancelling them (docs/delegations.md). */
export default async function DelegationPage(props: PageProps<{ token: string }>) {
  const { token, query } = await pageInput(props, querySchema);
  const [t, tm, locale] = await Promise.all([
    getTranslations('manage.delegation'),
    getTranslations('manage'),
    getLocale() as Promise<Locale>,
  ]);
  const view = await delegationForHead(await getDb(), token);
  if (!view) return <p className="notice bad">{t('notHead')}</p>;
  const { delegation, members } = view;
  const words = await validationWords();
  const manage = `/manage/${encodeURIComponent(token)}`;
  return (
    <div style={{ maxWidth: 760 }}>
      <p>
        <a href={manage}>← {t('back')}</a>
      </p>
      <h1>{t('title')}</h1>
      <p data-testid="delegation-name">
        <strong>{delegation.name}</strong>
        {delegation.agency && ` · ${delegation.agency}`} · {countryName(delegation.country, locale)}
      </p>
      {query.done && <FocusedNotice tone="ok">{t(`done.${query.done}`)}</FocusedNotice>}
      {query.error && (
        <FocusedNotice tone="bad">{query.error === 'link' ? t('notHead') : tm('error', { message: words(query.error) })}</FocusedNotice>
      )}
      <h2>{t('members')}</h2>
      <ul className="delegation-members" data-testid="delegation-members">
        {members.map((member) => (
          <li key={member.id} className="card" data-member={member.email}>
            <p>
              <strong>{member.name}</strong> · {member.email}
              {member.delegationHead && <span className="muted"> ({t('head')})</span>}{' '}
              <span className={`badge ${member.status === 'cancelled' ? 'cancelled' : member.status === 'waitlisted' ? 'wait' : 'ok'}`}>
                {tm(`status.${member.status}`, { position: member.waitlistPosition ?? 0 })}
              </span>
              {member.mailToHead && <span className="muted"> · {t('mailsToHead')}</span>}
            </p>
            {!member.delegationHead && member.status !== 'cancelled' && (
              <details>
                <summary>{t('changeOrCancel')}</summary>
                <form action={changeDelegationMemberAction.bind(null, token, member.id)}>
                  <div className="field">
                    <label htmlFor={`name-${member.id}`}>{t('name')}</label>
                    <input id={`name-${member.id}`} name="name" defaultValue={member.name} required maxLength={120} />
                  </div>
                  <div className="field">
                    <label htmlFor={`organisation-${member.id}`}>{t('organisation')}</label>
                    <input id={`organisation-${member.id}`} name="organisation" defaultValue={member.organisation} maxLength={200} />
                  </div>
                  <div className="field">
                    <label htmlFor={`jobTitle-${member.id}`}>{t('jobTitle')}</label>
                    <input id={`jobTitle-${member.id}`} name="jobTitle" defaultValue={member.jobTitle} maxLength={120} />
                  </div>
                  <label className="check">
                    <input type="checkbox" name="mailToHead" value="yes" defaultChecked={member.mailToHead} /> {t('mailToHead')}
                  </label>
                  <button className="button secondary" type="submit">
                    {t('save')}
                  </button>
                </form>
                <form action={cancelDelegationMemberAction.bind(null, token, member.id)}>
                  <label className="check">
                    <input type="checkbox" name="confirm" value="yes" required /> {t('cancelConfirm', { name: member.name })}
                  </label>
                  <button className="button danger" type="submit">
                    {t('cancelButton')}
                  </button>
                </form>
              </details>
            )}
          </li>
        ))}
      </ul>
      <h2 id="add-member-title">{t('add')}</h2>
      <form
        action={addDelegationMemberAction.bind(null, token)}
        className="card"
        aria-labelledby="add-member-title"
        data-testid="add-member"
      >
        <p className="muted">{t('addHint')}</p>
        <div className="field">
          <label htmlFor="add-name">{t('name')}</label>
          <input id="add-name" name="name" required maxLength={120} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="add-email">{t('email')}</label>
          <input id="add-email" name="email" type="email" required maxLength={254} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="add-organisation">{t('organisation')}</label>
          <input id="add-organisation" name="organisation" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="add-jobTitle">{t('jobTitle')}</label>
          <input id="add-jobTitle" name="jobTitle" maxLength={120} />
        </div>
        <label className="check">
          <input type="checkbox" name="mailToHead" value="yes" /> {t('mailToHead')}
        </label>
        <button className="button" type="submit">
          {t('addButton')}
        </button>
      </form>
    </div>
  );
}
