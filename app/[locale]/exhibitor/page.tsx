import { getLocale, getTranslations } from 'next-intl/server';
import { actorOrSignIn } from '@/lib/auth/guards';
import { getDb } from '@/lib/database/process-database';
import { ownExhibitors } from '@/lib/exhibition/staff/staff-access';
import { pick } from '@/lib/i18n/text';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exhibitor portal', robots: { index: false } };

/** The exhibitor portal's start: the exhibitors the signed-in person staffs. */
export default async function ExhibitorPortalPage() {
  const actor = await actorOrSignIn('/exhibitor');
  const [t, locale, staffed] = await Promise.all([
    getTranslations('exhibition'),
    getLocale(),
    getDb().then((db) => ownExhibitors(db, actor)),
  ]);
  return (
    <>
      <h1>{t('portal.title')}</h1>
      <p className="muted">{t('portal.signedInAs', { email: actor.email })}</p>
      {staffed.length === 0 ? (
        <p className="notice">{t('portal.notStaff', { email: actor.email })}</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '1rem' }}>
          {staffed.map((e) => (
            <li key={e.id} className="card" data-exhibitor={e.slug}>
              <h2 style={{ margin: 0 }}>
                <a href={`/exhibitor/${e.id}`}>{pick(e.name, locale)}</a>
              </h2>
              <p className="muted" style={{ margin: 0 }}>
                {pick(e.eventName, locale)} · {t(`admin.status.${e.status}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
