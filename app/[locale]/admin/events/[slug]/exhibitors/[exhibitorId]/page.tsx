import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ExhibitorForm } from '@/components/admin/exhibitor-form';
import { countryOptions } from '@/lib/admin/form-options';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { exhibitorForEdit } from '@/lib/exhibition/admin/list-exhibitors';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { StaffInviteForm } from '@/components/admin/staff-invite-form';
import { LogoUpload } from '@/components/exhibitor/logo-upload';
import { exhibitorStaffFor } from '@/lib/exhibition/staff/list-staff';
import { approveExhibitorAction, inviteStaffAction, removeStaffAction, revokeStaffInviteAction, saveExhibitorAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exhibitor', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['created', 'approved', 'invited', 'staffRemoved', 'inviteRevoked']).optional().catch(undefined),
});

const DONE = {
  created: 'admin.created',
  approved: 'admin.approved',
  invited: 'staff.invited',
  staffRemoved: 'staff.removed',
  inviteRevoked: 'staff.revoked',
} as const;

export default async function ExhibitorPage(props: PageProps<{ slug: string; exhibitorId: string }>) {
  const { slug, exhibitorId, query } = await pageInput(props, querySchema);
  const list = `/admin/events/${slug}/exhibitors`;
  if (!z.uuid().safeParse(exhibitorId).success) notFound();
  const path = `${list}/${exhibitorId}`;
  const [edit, staff] = await loadEventPage(slug, path, ({ db, actor }) =>
    Promise.all([exhibitorForEdit(db, actor, slug, exhibitorId), exhibitorStaffFor(db, actor, slug, exhibitorId)]),
  );
  if (!edit.exhibitor || !edit.values || !staff) notFound();
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  const approved = edit.exhibitor.status === 'approved';
  return (
    <>
      <p>
        <a href={list}>← {t('admin.back')}</a>
      </p>
      <h2 data-testid="exhibitor-title">
        {t('admin.editTitle')}: {pick(edit.exhibitor.name, locale)}
      </h2>
      {query.done && (
        <p className="notice ok" role="status">
          {t(DONE[query.done])}
        </p>
      )}
      <p data-testid="exhibitor-status">
        {t(`admin.status.${edit.exhibitor.status}`)}
        {approved && (
          <>
            {' · '}
            <a href={`/events/${slug}/exhibitors/${edit.exhibitor.slug}`}>{t('admin.publicPage')}</a>
          </>
        )}
      </p>
      {!approved && (
        <form action={approveExhibitorAction.bind(null, slug, edit.exhibitor.id)}>
          <button className="button" type="submit">
            {t('admin.approve')}
          </button>
        </form>
      )}
      <ExhibitorForm
        eventSlug={slug}
        exhibitorId={edit.exhibitor.id}
        defaults={edit.values}
        countries={countryOptions(locale)}
        venues={(edit.venues ?? []).map((v) => ({ id: v.id, name: pick(v.name, locale) }))}
        action={saveExhibitorAction}
      />
      <LogoUpload
        endpoint={`${path}/logo`}
        exhibitorId={edit.exhibitor.id}
        name={pick(edit.exhibitor.name, locale)}
        src={edit.exhibitor.logo}
      />
      <section aria-labelledby="staff-h" data-testid="exhibitor-staff">
        <h3 id="staff-h">{t('staff.title')}</h3>
        <p className="muted">{t('staff.intro')}</p>
        {staff.staff.length === 0 && <p>{t('staff.none')}</p>}
        <ul>
          {staff.staff.map((person) => (
            <li key={person.userId} data-staff={person.email}>
              {person.name ? `${person.name} · ` : ''}
              {person.email}{' '}
              <form action={removeStaffAction.bind(null, slug, edit.exhibitor!.id, person.userId)} style={{ display: 'inline' }}>
                <button className="button secondary" type="submit">
                  {t('staff.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
        {staff.invites.length > 0 && (
          <>
            <h4>{t('staff.pending')}</h4>
            <ul>
              {staff.invites.map((invite) => (
                <li key={invite.id} data-invite={invite.email}>
                  {invite.email}{' '}
                  <form action={revokeStaffInviteAction.bind(null, slug, edit.exhibitor!.id, invite.id)} style={{ display: 'inline' }}>
                    <button className="button secondary" type="submit" aria-label={t('staff.revokeLabel', { email: invite.email })}>
                      {t('staff.revoke')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
        <StaffInviteForm action={inviteStaffAction.bind(null, slug, edit.exhibitor.id)} doneHref={path} />
      </section>
    </>
  );
}
