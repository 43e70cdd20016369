import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptInviteButton } from '@/components/auth/accept-invite-button';
import { getDb } from '@/lib/database/process-database';
import { pick } from '@/lib/i18n/text';
import { openInviteFor } from '@/lib/team/accept-invite';
import { acceptInviteAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Join the team', robots: { index: false } };

/** The mailed invite link: shows what accepting means; only the button changes anything. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, locale, invite] = await Promise.all([getTranslations('invite'), getLocale(), getDb().then((db) => openInviteFor(db, token))]);
  if (!invite) {
    return (
      <div style={{ maxWidth: 520 }}>
        <h1>{t('title')}</h1>
        <p className="notice bad">{t('gone')}</p>
      </div>
    );
  }
  const role = t(`roles.${invite.role}`);
  return (
    <div style={{ maxWidth: 520 }}>
      <h1>{t('title')}</h1>
      <p>
        {t('intro', {
          event: pick(invite.eventName, locale),
          role: invite.venueName ? t('atVenue', { role, venue: pick(invite.venueName, locale) }) : role,
          email: invite.email,
        })}
      </p>
      <AcceptInviteButton token={token} accept={acceptInviteAction} />
    </div>
  );
}
