import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';

export default async function PrivacyPage() {
  const t = await getTranslations('privacy');
  const paragraphs = t.raw('body') as string[];
  return (
    <article style={{ maxWidth: 760 }}>
      <h1>{t('title')}</h1>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </article>
  );
}
