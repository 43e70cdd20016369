'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import jsQR from 'jsqr';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { CheckInView } from '@/lib/checkin/describe';
import type { Result } from '@/lib/errors/result';
import { checkInInputSchema, type CheckInInput } from '@/lib/checkin/schema';
import { useValidationText } from '@/components/ui/use-validation-text';

export type CheckInLabels = {
  code: string;
  submit: string;
  startCamera: string;
  stopCamera: string;
  cameraUnavailable: string;
  outcome: Record<CheckInView['outcome'], string>;
  status: Record<string, string>;
};

type Submit = (input: CheckInInput) => Promise<Result<{ view: CheckInView }>>;

function fill(template: string, values: Record<string, string | null>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** The desk: a camera scanner (jsQR over video frames) and a typed-code form, both sending the same input. */
export function CheckInDesk({ submit, labels }: { submit: Submit; labels: CheckInLabels }) {
  const words = useValidationText();
  const form = useForm<CheckInInput>({ resolver: zodResolver(checkInInputSchema), defaultValues: { code: '' } });
  const [result, setResult] = useState<CheckInView | null>(null);
  const [pending, startTransition] = useTransition();
  const [camera, setCamera] = useState<'off' | 'on' | 'unavailable'>('off');
  const video = useRef<HTMLVideoElement>(null);
  const lastScan = useRef<{ code: string; at: number } | null>(null);

  const send = (input: CheckInInput) =>
    startTransition(async () => {
      const answer = await submit(input);
      if (!answer.ok) form.setError('code', { message: answer.fields?.code ?? answer.error });
      else {
        setResult(answer.view);
        form.reset({ code: '' });
      }
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: send only closes over setters and the submit prop; the camera state alone restarts the scanner.
  useEffect(() => {
    if (camera !== 'on') return;
    let stream: MediaStream | null = null;
    let frame = 0;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const scan = () => {
      const v = video.current;
      if (v && context && v.readyState === v.HAVE_ENOUGH_DATA) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        const found = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
        const now = Date.now();
        // The same ticket stays in view for a while: send it once, not thirty times a second.
        if (found?.data && (lastScan.current?.code !== found.data || now - lastScan.current.at > 4000)) {
          lastScan.current = { code: found.data, at: now };
          send({ code: found.data });
        }
      }
      frame = requestAnimationFrame(scan);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        frame = requestAnimationFrame(scan);
      })
      .catch(() => setCamera('unavailable'));
    if (!navigator.mediaDevices) setCamera('unavailable');
    return () => {
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [camera]);

  const error = words(form.formState.errors.code?.message);
  return (
    <div className="checkin-desk">
      <div>
        {camera === 'on' ? (
          <>
            <video ref={video} muted playsInline className="scanner" aria-label={labels.startCamera} />
            <button type="button" className="button secondary" onClick={() => setCamera('off')}>
              {labels.stopCamera}
            </button>
          </>
        ) : (
          <button type="button" className="button secondary" onClick={() => setCamera('on')}>
            {labels.startCamera}
          </button>
        )}
        {camera === 'unavailable' && <p className="muted">{labels.cameraUnavailable}</p>}
      </div>
      <form onSubmit={form.handleSubmit(send)} noValidate className="card">
        <label htmlFor="code">{labels.code}</label>
        <input
          id="code"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the desk is a one-field page; staff scan or type the next code without reaching for the mouse.
          autoFocus
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'code-error' : undefined}
          {...form.register('code')}
        />
        {error && (
          <p id="code-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button className="button" type="submit" disabled={pending}>
          {labels.submit}
        </button>
      </form>
      {/* The live region is on the page from the start: screen readers announce what changes inside
          one, not a region that appears with its text already in it. */}
      <div role="status" aria-live="polite" data-testid="checkin-outcome">
        {result && (
          <p className={`notice ${result.tone === 'ok' ? 'ok' : 'bad'}`} data-testid="checkin-result" data-outcome={result.outcome}>
            <strong>{fill(labels.outcome[result.outcome], { name: result.name, at: result.at, venue: result.venue })}</strong>
            {result.status && <> — {labels.status[result.status]}</>}
            {result.organisation && <span className="muted"> · {result.organisation}</span>}
            {result.venue && result.outcome !== 'other-venue' && <span className="muted"> · {result.venue}</span>}
          </p>
        )}
      </div>
    </div>
  );
}
