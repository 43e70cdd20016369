import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { LetterTemplateForm } from '@/components/admin/letter-template-form';
import { BADGE_LAYOUTS } from '@/db/schema';
import { DOCUMENT_IMAGES, documentSettingsFor } from '@/lib/documents/settings';
import { loadEventPage, pageInput, type PageProps } from '@/lib/edge/page';
import { safePhotoSrc } from '@/lib/speakers/photo';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { certificateMailCounts } from '@/lib/certificates/send-certificates';
import { saveBadgeLayoutAction, saveDocumentImageAction, saveLetterTemplateAction, sendCertificatesAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Letters and badges', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['uploaded', 'removed', 'layout', 'certificates']).optional().catch(undefined),
  sent: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
  error: z.enum(['invalid', 'documentImageType', 'documentImageTooBig', 'certificatesNotYet']).optional().catch(undefined),
});

/** The event's documents: the invitation letter's body per language, its letterhead and signature, the badge layout and logo. */
export default async function DocumentsPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const path = `/admin/events/${slug}/documents`;
  const { settings, certificates, ended } = await loadEventPage(slug, path, async ({ db, event }) => ({
    settings: await documentSettingsFor(db, event.id),
    certificates: await certificateMailCounts(db, event.id),
    ended: new Date() >= event.endsAt,
  }));
  const t = await getTranslations('adminDocuments');
  const stored = { letterhead: settings.letterhead, signature: settings.signature, badgeLogo: settings.badgeLogo };
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {query.done && (
        <p className="notice ok" role="status">
          {query.done === 'certificates' ? t('certificates.sent', { sent: query.sent ?? 0 }) : t(`done.${query.done}`)}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {t(`error.${query.error}`)}
        </p>
      )}
      <h3>{t('letter.heading')}</h3>
      <LetterTemplateForm
        eventSlug={slug}
        defaults={{ body: localizedFormValues(settings.letterBody) }}
        action={saveLetterTemplateAction}
      />
      <h3>{t('images.heading')}</h3>
      <p className="muted">{t('images.hint')}</p>
      {DOCUMENT_IMAGES.map((image) => {
        const src = safePhotoSrc(stored[image]);
        return (
          <form
            key={image}
            className="card"
            action={saveDocumentImageAction.bind(null, slug)}
            encType="multipart/form-data"
            data-testid={`document-image-${image}`}
          >
            <input type="hidden" name="image" value={image} />
            <label htmlFor={`document-${image}`}>{t(`images.${image}`)}</label>
            {src ? (
              // biome-ignore lint/performance/noImgElement: the organiser's own upload, a data: URL checked on the way out; next/image adds nothing.
              <img src={src} alt={t('images.current', { image: t(`images.${image}`) })} style={{ maxHeight: 80, maxWidth: '100%' }} />
            ) : (
              <p className="muted">{t('images.none')}</p>
            )}
            <input id={`document-${image}`} name="file" type="file" accept="image/png,image/jpeg" />
            <div className="actions">
              <button className="button secondary" type="submit">
                {t('images.upload')}
              </button>
              {src && (
                <button className="button secondary" type="submit" name="remove" value="yes">
                  {t('images.remove')}
                </button>
              )}
            </div>
          </form>
        );
      })}
      <h3>{t('badge.heading')}</h3>
      <form className="card" action={saveBadgeLayoutAction.bind(null, slug)} data-testid="badge-layout-form">
        <fieldset>
          <legend>{t('badge.layout')}</legend>
          {BADGE_LAYOUTS.map((layout) => (
            <label key={layout} className="check">
              <input type="radio" name="layout" value={layout} defaultChecked={settings.badgeLayout === layout} />{' '}
              {t(`badge.layouts.${layout}`)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button className="button" type="submit">
            {t('badge.save')}
          </button>
        </div>
      </form>
      <h3>{t('certificates.heading')}</h3>
      <form className="card" action={sendCertificatesAction.bind(null, slug)} data-testid="send-certificates">
        <p className="muted">{t('certificates.intro')}</p>
        <p data-testid="certificate-counts">{t('certificates.counts', certificates)}</p>
        {ended ? (
          <div className="actions">
            <button className="button" type="submit">
              {t('certificates.send')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('certificates.notYet')}</p>
        )}
      </form>
    </section>
  );
}
