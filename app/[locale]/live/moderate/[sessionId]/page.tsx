import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { BlocklistForm } from '@/components/live/blocklist-form';
import { ModeratorRoom } from '@/components/live/moderator-room';
import { StageLinks } from '@/components/live/stage-links';
import { actorOrSignIn } from '@/lib/auth/guards';
import { getDb } from '@/lib/database/process-database';
import type { PageProps } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { isModerator, liveToken } from '@/lib/live/access';
import { blocklistForOrganiser } from '@/lib/live/blocklist-store';
import { liveSession, liveSnapshot } from '@/lib/live/snapshot';
import { activeStageLinks } from '@/lib/live/stage';
import { uuidSchema } from '@/lib/validation/common';
import {
  closePollAction,
  createStageLinkAction,
  moderateAction,
  openPollAction,
  revokeStageLinkAction,
  saveBlocklistAction,
  setQuestionsOpenAction,
} from '../../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Moderate live questions', robots: { index: false, follow: false } };

/** A session's moderators (its organisers, its own moderator, host or speakers) run its live room here. */
export default async function ModeratePage(props: PageProps<{ sessionId: string }>) {
  const [{ sessionId }, t, locale] = await Promise.all([props.params, getTranslations('live'), getLocale() as Promise<Locale>]);
  const parsed = uuidSchema.safeParse(sessionId);
  if (!parsed.success) notFound();
  const actor = await actorOrSignIn(`/live/moderate/${parsed.data}`);
  const db = await getDb();
  if (!(await isModerator(db, actor, parsed.data))) notFound();
  const viewer = { kind: 'moderator' as const, subjectId: actor.userId, sessionId: parsed.data };
  const [snapshot, row, links, blocklist] = await Promise.all([
    liveSnapshot(db, viewer),
    liveSession(db, parsed.data),
    activeStageLinks(db, parsed.data),
    blocklistForOrganiser(db, actor, parsed.data),
  ]);
  return (
    <div style={{ maxWidth: 860 }}>
      <p className="muted">{t('moderateTitle')}</p>
      <h1>{row ? pick(row.session.title, locale) : t('moderateTitle')}</h1>
      <ModeratorRoom
        token={liveToken(viewer)}
        sessionId={parsed.data}
        initial={snapshot}
        actions={{ moderate: moderateAction, setOpen: setQuestionsOpenAction, openPoll: openPollAction, closePoll: closePollAction }}
      />
      {blocklist && <BlocklistForm sessionId={parsed.data} terms={blocklist} save={saveBlocklistAction} />}
      <StageLinks
        sessionId={parsed.data}
        links={links.map(({ id, label, path }) => ({ id, label, path }))}
        create={createStageLinkAction}
        revoke={revokeStageLinkAction}
      />
    </div>
  );
}
