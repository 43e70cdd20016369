import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DataTable } from '@/components/admin/data-table';
import { TeamInviteForm } from '@/components/admin/team-invite-form';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { eventTimestamp } from '@/lib/format/event-time';
import { pick } from '@/lib/i18n/text';
import { listTeam } from '@/lib/team/admin/list-team';
import { inviteMemberAction, removeMemberAction, revokeInviteAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Team', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['invited', 'revoked', 'removed']).optional().catch(undefined),
  refused: z.enum(['self', 'gone']).optional().catch(undefined),
  email: z.string().max(254).optional().catch(undefined),
});

export default async function TeamPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const [t, locale, team] = await Promise.all([
    getTranslations('adminTeam'),
    getLocale(),
    loadEventPage(slug, `/admin/events/${slug}/team`, ({ db, actor }) => listTeam(db, actor, slug)),
  ]);
  const venueName = (venue: Parameters<typeof pick>[0]) => (venue ? pick(venue, locale) : t('wholeEvent'));
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {query.done && <FocusedNotice tone="ok">{t(query.done, { email: query.email ?? '' })}</FocusedNotice>}
      {query.refused && <FocusedNotice tone="bad">{t(query.refused === 'self' ? 'refusedSelf' : 'gone')}</FocusedNotice>}
      <h3>{t('members')}</h3>
      <DataTable
        caption={t('members')}
        rows={team.members}
        rowKey={(row) => `${row.userId}-${row.role}`}
        rowData={(row) => ({ 'data-member': row.email })}
        empty={null}
        columns={[
          { key: 'email', header: t('email'), cell: (row) => row.email },
          { key: 'name', header: t('name'), cell: (row) => row.name ?? '—' },
          { key: 'role', header: t('role'), cell: (row) => t(`roles.${row.role}`) },
          { key: 'venue', header: t('venue'), cell: (row) => venueName(row.venue) },
          {
            key: 'actions',
            header: t('actions'),
            cell: (row) => (
              <form action={removeMemberAction.bind(null, slug, row.userId)} className="inline-form">
                <button className="button secondary small" type="submit" aria-label={t('removeLabel', { email: row.email })}>
                  {t('remove')}
                </button>
              </form>
            ),
          },
        ]}
      />
      <h3>{t('invites')}</h3>
      <DataTable
        caption={t('invites')}
        rows={team.invites}
        rowKey={(row) => row.id}
        rowData={(row) => ({ 'data-invite': row.email })}
        empty={<p>{t('noInvites')}</p>}
        columns={[
          { key: 'email', header: t('email'), cell: (row) => row.email },
          { key: 'role', header: t('role'), cell: (row) => t(`roles.${row.role}`) },
          { key: 'venue', header: t('venue'), cell: (row) => venueName(row.venue) },
          { key: 'expires', header: t('expires'), cell: (row) => eventTimestamp(row.expiresAt, team.event.timeZone) },
          {
            key: 'actions',
            header: t('actions'),
            cell: (row) => (
              <form action={revokeInviteAction.bind(null, slug, row.id)} className="inline-form">
                <button className="button secondary small" type="submit" aria-label={t('revokeLabel', { email: row.email })}>
                  {t('revoke')}
                </button>
              </form>
            ),
          },
        ]}
      />
      <h3>{t('inviteTitle')}</h3>
      <TeamInviteForm
        eventSlug={slug}
        venues={team.venues.filter((v) => v.kind !== 'online').map((v) => ({ id: v.id, name: pick(v.name, locale) }))}
        action={inviteMemberAction}
      />
    </section>
  );
}
