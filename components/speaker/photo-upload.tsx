'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useValidationText } from '@/components/ui/use-validation-text';
import { isValidationMessage } from '@/lib/validation/message';

/**
 * Sends the chosen file's bytes as they are; the server decides what they are, so the browser's
 * idea of the file type does not matter.
 */
export function PhotoUpload({ speakerId, name, src }: { speakerId: string; name: string; src: string | null }) {
  const t = useTranslations('speaker');
  const words = useValidationText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (method: 'POST' | 'DELETE') => {
    setBusy(true);
    setNotice(null);
    try {
      const response = await fetch(`/speaker/photo?speaker=${encodeURIComponent(speakerId)}`, {
        method,
        body: method === 'POST' ? file : undefined,
      });
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      if (response.ok) {
        setNotice({ ok: true, text: method === 'POST' ? t('photoSaved') : t('photoRemoved') });
        router.refresh();
      } else setNotice({ ok: false, text: isValidationMessage(body.error) ? (words(body.error) ?? t('failed')) : t('failed') });
    } finally {
      setBusy(false);
    }
  };
  const inputId = `photo-${speakerId}`;
  return (
    <div
      data-testid="photo-upload"
      style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '.35rem', marginBottom: '1.25rem' }}
    >
      <label htmlFor={inputId} style={{ fontWeight: 600 }}>
        {t('photo')}
      </label>
      {src ? (
        // biome-ignore lint/performance/noImgElement: the photo is the speaker's own upload or a local preview, served by our route; next/image would add nothing here.
        <img src={src} alt={t('photoAlt', { name })} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 8 }} />
      ) : (
        <span className="muted">{t('photoNone')}</span>
      )}
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <span id={`${inputId}-hint`} className="muted">
        {t('photoHint')}
      </span>
      {notice && (
        <span role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice ok' : 'error'}>
          {notice.text}
        </span>
      )}
      <div className="actions" style={{ marginTop: 0 }}>
        <button className="button secondary" type="button" disabled={!file || busy} onClick={() => send('POST')}>
          {t('photoUpload')}
        </button>
        {src && (
          <button className="button secondary" type="button" disabled={busy} onClick={() => send('DELETE')}>
            {t('photoRemove')}
          </button>
        )}
      </div>
    </div>
  );
}
