import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { getDb } from '@/lib/database/process-database';
import { pageInput, type PageProps } from '@/lib/edge/page';
import { emailChangeView } from '@/lib/registration/email-change';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { validationWords } from '@/lib/validation/server-words';
import { confirmEmailChangeAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Confirm your new address', robots: { index: false } };

const querySchema = z.object({ error: queryErrorField });

/**
 * The link mailed to a new address. Opening it changes nothing (mail scanners open links): the
 * address's owner confirms with the button.
 */
export default async function EmailChangePage(props: PageProps<{ token: string }>) {
  const { token, query } = await pageInput(props, querySchema);
  const t = await getTranslations('manage.emailChange');
  const view = await emailChangeView(await getDb(), token);
  return (
    <div style={{ maxWidth: 760 }}>
      <h1>{t('confirmTitle')}</h1>
      {query.error && <FocusedNotice tone="bad">{(await validationWords())(query.error)}</FocusedNotice>}
      {view.state === 'invalid' && (
        <p className="notice bad" data-testid="email-change-invalid">
          {t('invalid')}
        </p>
      )}
      {view.state === 'done' && (
        <>
          <p className="notice ok" role="status" data-testid="email-change-done">
            {t('done', { email: view.to })}
          </p>
          <p>
            <a href={`/manage/${manageTokenFor(view.registrationId)}`}>{t('toManage')}</a>
          </p>
        </>
      )}
      {view.state === 'valid' && (
        <form action={confirmEmailChangeAction.bind(null, token)} className="card" data-testid="email-change-confirm">
          <p>{t('confirmText', { from: view.from, to: view.to })}</p>
          <button className="button" type="submit">
            {t('confirm')}
          </button>
        </form>
      )}
    </div>
  );
}
