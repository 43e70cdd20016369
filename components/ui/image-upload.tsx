'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useValidationText } from '@/components/ui/use-validation-text';
import { isValidationMessage } from '@/lib/validation/message';

export type ImageUploadWords = {
  label: string;
  alt: string;
  none: string;
  hint: string;
  upload: string;
  remove: string;
  saved: string;
  removed: string;
  failed: string;
};

type Props = {
  /** The route that takes the bytes (POST) and removes the image (DELETE). */
  endpoint: string;
  inputId: string;
  src: string | null;
  words: ImageUploadWords;
  testId: string;
  /** How the image is shown: a speaker's face is cropped to a square, a logo is shown whole. */
  fit: 'cover' | 'contain';
};

/**
 * Sends the chosen file's bytes as they are; the server decides what they are, so the browser's
 * idea of the file type does not matter.
 */
export function ImageUpload({ endpoint, inputId, src, words, testId, fit }: Props) {
  const validationWords = useValidationText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (method: 'POST' | 'DELETE') => {
    setBusy(true);
    setNotice(null);
    try {
      const response = await fetch(endpoint, { method, body: method === 'POST' ? file : undefined });
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      if (response.ok) {
        setNotice({ ok: true, text: method === 'POST' ? words.saved : words.removed });
        router.refresh();
      } else
        setNotice({
          ok: false,
          text: isValidationMessage(body.error) ? (validationWords(body.error) ?? words.failed) : words.failed,
        });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      data-testid={testId}
      style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '.35rem', marginBottom: '1.25rem' }}
    >
      <label htmlFor={inputId} style={{ fontWeight: 600 }}>
        {words.label}
      </label>
      {src ? (
        // biome-ignore lint/performance/noImgElement: the image is the owner's own upload, served by our route or inline; next/image would add nothing here.
        <img src={src} alt={words.alt} width={120} height={120} style={{ objectFit: fit, borderRadius: 8, maxWidth: '100%' }} />
      ) : (
        <span className="muted">{words.none}</span>
      )}
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        style={{ maxWidth: '100%' }}
      />
      <span id={`${inputId}-hint`} className="muted">
        {words.hint}
      </span>
      {notice && (
        <span role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice ok' : 'error'}>
          {notice.text}
        </span>
      )}
      <div className="actions" style={{ marginTop: 0 }}>
        <button className="button secondary" type="button" disabled={!file || busy} onClick={() => send('POST')}>
          {words.upload}
        </button>
        {src && (
          <button className="button secondary" type="button" disabled={busy} onClick={() => send('DELETE')}>
            {words.remove}
          </button>
        )}
      </div>
    </div>
  );
}
