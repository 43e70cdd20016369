import { getLocale, getTranslations } from 'next-intl/server';
import { AttendeeRoom } from '@/components/live/attendee-room';
import { getDb } from '@/lib/database/process-database';
import type { PageProps } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { liveEntitlement, liveToken } from '@/lib/live/access';
import { liveSession, liveSnapshot } from '@/lib/live/snapshot';
import { parseJoinToken } from '@/lib/livestream/join-token';
import { askAction, upvoteAction, votePollAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Live questions', robots: { index: false, follow: false }, referrer: 'no-referrer' as const };

/** An attendee's live room for one session, behind their personal link (the join link's token). */
export default async function LiveRoomPage(props: PageProps<{ token: string }>) {
  const [{ token }, t, locale] = await Promise.all([props.params, getTranslations('live'), getLocale() as Promise<Locale>]);
  const db = await getDb();
  const parsed = parseJoinToken(token);
  const entitled = parsed ? await liveEntitlement(db, parsed.registrationId, parsed.sessionId) : null;
  if (!parsed || !entitled?.ok)
    return (
      <p className="notice bad" role="alert" data-testid="live-refused">
        {t(`refusedReason.${entitled && !entitled.ok ? entitled.reason : 'not-found'}`)}
      </p>
    );
  const viewer = { kind: 'attendee' as const, subjectId: parsed.registrationId, sessionId: parsed.sessionId };
  const [snapshot, row] = await Promise.all([liveSnapshot(db, viewer), liveSession(db, parsed.sessionId)]);
  return (
    <div style={{ maxWidth: 720 }}>
      <p className="muted">{t('title')}</p>
      <h1>{row ? pick(row.session.title, locale) : t('title')}</h1>
      <p className="muted">{t('personalNote', { name: entitled.name })}</p>
      <AttendeeRoom token={liveToken(viewer)} initial={snapshot} actions={{ ask: askAction, upvote: upvoteAction, vote: votePollAction }} />
    </div>
  );
}
