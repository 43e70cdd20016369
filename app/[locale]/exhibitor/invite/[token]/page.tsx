import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptInviteButton } from '@/components/auth/accept-invite-button';
import { getDb } from '@/lib/database/process-database';
import { openStaffInviteFor } from '@/lib/exhibition/staff/accept-staff-invite';
import { pick } from '@/lib/i18n/text';
import { acceptStaffInviteAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exhibitor staff invite', robots: { index: false } };

/** The mailed staff invite link: shows what accepting means; only the button changes anything. */
export default async function StaffInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, locale, invite] = await Promise.all([
    getTranslations('exhibition.portal'),
    getLocale(),
    getDb().then((db) => openStaffInviteFor(db, token)),
  ]);
  return (
    <div style={{ maxWidth: 520 }}>
      <h1>{t('inviteTitle')}</h1>
      {invite ? (
        <>
          <p>
            {t('inviteIntro', {
              exhibitor: pick(invite.exhibitorName, locale),
              event: pick(invite.eventName, locale),
              email: invite.email,
            })}
          </p>
          <AcceptInviteButton token={token} accept={acceptStaffInviteAction} />
        </>
      ) : (
        <p className="notice bad">{t('inviteGone')}</p>
      )}
    </div>
  );
}
