import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { eventTimestamp } from '@/lib/format/event-time';
import { eventOutboxMessage } from '@/lib/mail-delivery/admin-outbox';
import { resendMailAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';
import { validationWords } from '@/lib/validation/server-words';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Mail', robots: { index: false } };

const querySchema = z.object({
  resent: z.literal('1').optional().catch(undefined),
  error: queryErrorField,
});

export default async function MailMessagePage(props: PageProps<{ slug: string; id: string }>) {
  const { slug, id, query } = await pageInput(props, querySchema);
  const [t, found] = await Promise.all([
    getTranslations('adminMail'),
    loadEventPage(slug, `/admin/events/${slug}/mail/${id}`, ({ db, actor }) => eventOutboxMessage(db, actor, slug, id)),
  ]);
  if (!found) notFound();
  const { message, event } = found;
  const zone = event.timeZone;
  return (
    <section>
      <p>
        <a href={`/admin/events/${slug}/mail`}>{t('back')}</a>
      </p>
      <h2>{message.subject}</h2>
      {query.resent && (
        <p className="notice ok" role="status">
          {t('resent')}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {t('error', { message: (await validationWords())(query.error) })}
        </p>
      )}
      <dl className="admin-dl card">
        <dt>{t('to')}</dt>
        <dd>
          {message.toName} &lt;{message.toAddress}&gt;
        </dd>
        <dt>{t('kind')}</dt>
        <dd>{message.kind}</dd>
        <dt>{t('state')}</dt>
        <dd data-testid="mail-status">{t(`status.${message.status}`)}</dd>
        <dt>{t('attempts')}</dt>
        <dd>{message.attempts}</dd>
        <dt>{t('reply')}</dt>
        <dd>{message.smtpResponse ?? '—'}</dd>
        <dt>{t('queuedAt')}</dt>
        <dd>{eventTimestamp(message.createdAt, zone)}</dd>
        <dt>{t('sentAt')}</dt>
        <dd>{eventTimestamp(message.sentAt, zone)}</dd>
        <dt>{t('messageId')}</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
        <dt>{t('attachments')}</dt>
        <dd>{message.attachments.map((a) => a.filename).join(', ') || '—'}</dd>
      </dl>
      {message.status !== 'sending' && (
        <form action={resendMailAction.bind(null, slug, message.id)}>
          <button className="button secondary" type="submit">
            {t('resend')}
          </button>
        </form>
      )}
      <h3>{t('html')}</h3>
      {/* A sandbox with no permissions: the mail's HTML cannot run script or reach this page. */}
      <iframe title={t('html')} sandbox="" srcDoc={message.html} className="mail-preview" referrerPolicy="no-referrer" />
      <h3>{t('text')}</h3>
      <pre className="card mail-text">{message.text}</pre>
    </section>
  );
}
