'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Result } from '@/lib/errors/result';
import { ClientForm } from '../forms/client-form';

type Link = { id: string; label: string; path: string };

/** The venue screens' links for a session: make one per screen, revoke one and that screen stops at once. */
export function StageLinks({
  sessionId,
  links,
  create,
  revoke,
}: {
  sessionId: string;
  links: Link[];
  create: (sessionId: string, label: string) => Promise<Result<{ path: string }>>;
  revoke: (sessionId: string, linkId: string) => Promise<Result>;
}) {
  const t = useTranslations('live');
  const router = useRouter();
  const [label, setLabel] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Result>) =>
    startTransition(async () => {
      const answer = await work();
      setNotice(answer.ok ? null : t('refused'));
      if (answer.ok) router.refresh();
    });
  return (
    <section aria-labelledby="stage-links-heading">
      <h2 id="stage-links-heading">{t('stageLinks')}</h2>
      <p className="muted">{t('stageLinksHint')}</p>
      {notice && (
        <p role="alert" className="notice bad">
          {notice}
        </p>
      )}
      <ul>
        {links.map((link) => (
          <li key={link.id} data-testid="stage-link">
            <a href={link.path} target="_blank" rel="noreferrer">
              {link.label || t('stageTitle')}
            </a>{' '}
            <button type="button" className="button secondary" disabled={pending} onClick={() => run(() => revoke(sessionId, link.id))}>
              {t('revoke')}
            </button>
          </li>
        ))}
      </ul>
      <ClientForm
        onSubmit={(event) => {
          event.preventDefault();
          run(async () => {
            const answer = await create(sessionId, label);
            if (answer.ok) setLabel('');
            return answer;
          });
        }}
      >
        <label htmlFor="stage-label">{t('stageLabel')}</label>
        <input id="stage-label" value={label} maxLength={80} onChange={(event) => setLabel(event.target.value)} />
        <p>
          <button type="submit" className="button" disabled={pending}>
            {t('newStageLink')}
          </button>
        </p>
      </ClientForm>
    </section>
  );
}
