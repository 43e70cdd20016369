import { getLocale, getTranslations } from 'next-intl/server';
import { StageBoard } from '@/components/live/stage-board';
import { getDb } from '@/lib/database/process-database';
import type { PageProps } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { liveToken } from '@/lib/live/access';
import { liveSession, liveSnapshot } from '@/lib/live/snapshot';
import { stageSession } from '@/lib/live/stage';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Stage display', robots: { index: false, follow: false }, referrer: 'no-referrer' as const };

/** A venue screen's view of a session's room, behind a link a moderator made and can revoke. */
export default async function StagePage(props: PageProps<{ token: string }>) {
  const [{ token }, t, locale] = await Promise.all([props.params, getTranslations('live'), getLocale() as Promise<Locale>]);
  const db = await getDb();
  const stage = await stageSession(db, token);
  if (!stage)
    return (
      <p className="notice bad" role="alert" data-testid="stage-refused">
        {t('stageRefused')}
      </p>
    );
  const viewer = { kind: 'stage' as const, subjectId: stage.linkId, sessionId: stage.sessionId };
  const [snapshot, row] = await Promise.all([liveSnapshot(db, viewer), liveSession(db, stage.sessionId)]);
  return <StageBoard token={liveToken(viewer)} initial={snapshot} title={row ? pick(row.session.title, locale) : t('stageTitle')} />;
}
