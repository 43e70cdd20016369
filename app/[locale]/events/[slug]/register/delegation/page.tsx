import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { RegistrationFormIsland } from '@/components/registration/registration-form-island';
import { RegistrationNotOpen } from '@/components/registration/registration-not-open';
import type { PageProps } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { registerPageData } from '@/lib/registration-page/register-page-data';
import { registerDelegationAction } from './actions';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  /** An invitation code, from the invitation link or typed in and applied. */
  code: z.string().max(64).optional().catch(undefined),
});

export default async function RegisterDelegationPage(props: PageProps<{ slug: string }>) {
  const { slug } = await props.params;
  const query = querySchema.parse(await props.searchParams);
  const [t, locale] = await Promise.all([getTranslations('register'), getLocale() as Promise<Locale>]);
  const data = await registerPageData(slug, locale, query.code);
  if (data.state === 'missing') notFound();
  if (data.state === 'not-open') return <RegistrationNotOpen slug={slug} phase={data.phase} event={data.event} />;
  return (
    <div style={{ maxWidth: 760 }}>
      <p className="muted">{data.eventName}</p>
      <h1>{t('delegation.title')}</h1>
      <p>{t('delegation.intro')}</p>
      <RegistrationFormIsland
        eventSlug={slug}
        locale={locale}
        preselected={[]}
        action={registerDelegationAction}
        delegation
        {...data.form}
      />
    </div>
  );
}
