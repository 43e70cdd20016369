import { getLocale, getTranslations } from 'next-intl/server';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { z } from 'zod';
import { CategoryForm } from '@/components/admin/category-form';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { zonePlace } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { venuesForCategories } from '@/lib/registration/admin/categories/list-categories';
import { saveCategoryAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New attendee category', robots: { index: false } };

export default async function NewCategoryPage(props: PageProps<{ slug: string }>) {
  const { slug } = await pageInput(props, z.object({}));
  const base = `/admin/events/${slug}/categories`;
  const [t, locale, loaded] = await Promise.all([
    getTranslations('adminCategories'),
    getLocale() as Promise<Locale>,
    loadEventPage(slug, `${base}/new`, async ({ db, event }) => ({ event, venues: await venuesForCategories(db, event.id) })),
  ]);
  return (
    <section>
      <p>
        <a href={base}>← {t('back')}</a>
      </p>
      <h2>{t('newTitle')}</h2>
      <CategoryForm
        eventSlug={slug}
        categoryId={null}
        defaults={{
          name: localizedFormValues(null),
          description: localizedFormValues(null),
          capacity: '',
          visibility: 'public',
          requiresApproval: false,
          visaSupport: false,
          opensAt: '',
          closesAt: '',
          allowedModes: ['in_person', 'online'],
          allowedVenueIds: [],
          position: '0',
        }}
        venues={loaded.venues.map((v) => ({ id: v.id, label: pick(v.name, locale) }))}
        zoneLabel={zonePlace(loaded.event.timeZone)}
        confirmedCount={0}
        action={saveCategoryAction}
      />
    </section>
  );
}
