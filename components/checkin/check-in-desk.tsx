'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import jsQR from 'jsqr';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { TicketCodeField } from './ticket-code-field';
import type { DeskDelegation } from '@/lib/checkin/delegation';
import type { CheckInView } from '@/lib/checkin/describe';
import type { UndoOutcome } from '@/lib/checkin/undo';
import type { Result } from '@/lib/errors/result';
import { checkInInputSchema, type CheckInInput, type QueuedScan } from '@/lib/checkin/schema';
import { useValidationText } from '@/components/ui/use-validation-text';
import { useScanQueue } from './scan-queue';
import { ClientForm } from '../forms/client-form';

export type CheckInLabels = {
  code: string;
  submit: string;
  startCamera: string;
  stopCamera: string;
  cameraUnavailable: string;
  outcome: Record<CheckInView['outcome'], string>;
  status: Record<string, string>;
  shortCode: string;
  printBadge: string;
  undo: string;
  undone: string;
  notCheckedIn: string;
  queued: string;
  tooMany: string;
};

type Submit = (input: QueuedScan) => Promise<Result<{ view: CheckInView; delegations: DeskDelegation[] }>>;
type Undo = (input: { registrationId: string }) => Promise<Result<UndoOutcome>>;

function fill(template: string, values: Record<string, string | null>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * The desk: a camera scanner (jsQR over video frames) and a typed-code form (QR text or short code),
 * both sending the same input. Each scan carries its own key; a scan the network did not carry waits
 * in the page's queue (scan-queue.ts). After an admission: the badge, one click away, and undo.
 */
export function CheckInDesk({
  slug,
  submit,
  undo,
  badgeHref,
  labels,
  onChange,
  onDelegations,
  pick,
}: {
  slug: string;
  submit: Submit;
  undo: Undo;
  /** The badge PDF's address for a registration id. */
  badgeHref: string;
  labels: CheckInLabels;
  /** Told after every admission or undo (the counts at the top follow). */
  onChange?: () => void;
  /** Told the delegation of each person admitted (empty for someone of none), for the delegation offer. */
  onDelegations?: (delegations: DeskDelegation[]) => void;
  /** A code chosen from the search, to check in at once. */
  pick?: { code: string; n: number } | null;
}) {
  const words = useValidationText();
  const form = useFilledForm<CheckInInput>({ resolver: zodResolver(checkInInputSchema), defaultValues: { code: '' } });
  const [result, setResult] = useState<CheckInView | null>(null);
  const [pending, startTransition] = useTransition();
  const [camera, setCamera] = useState<'off' | 'on' | 'unavailable'>('off');
  const video = useRef<HTMLVideoElement>(null);
  const lastScan = useRef<{ code: string; at: number } | null>(null);

  const [notice, setNotice] = useState<string | null>(null);
  const deliver = async (scan: QueuedScan): Promise<boolean> => {
    try {
      const answer = await submit(scan);
      if (answer.ok) {
        setResult(answer.view);
        onDelegations?.(answer.delegations);
        onChange?.();
      }
      return true;
    } catch {
      return false; // the network: keep it queued
    }
  };
  const queue = useScanQueue(slug, deliver);

  const send = (input: CheckInInput) =>
    startTransition(async () => {
      const scan = { code: input.code, scanKey: crypto.randomUUID() };
      setNotice(null);
      let answer: Awaited<ReturnType<Submit>>;
      try {
        answer = await submit(scan);
      } catch {
        queue.enqueue(scan);
        form.reset({ code: '' });
        return;
      }
      if (!answer.ok) {
        if (answer.code === 'rate-limited') setNotice(labels.tooMany);
        else form.setError('code', { message: answer.fields?.code ?? answer.error });
      } else {
        setResult(answer.view);
        onDelegations?.(answer.delegations);
        form.reset({ code: '' });
        onChange?.();
        void queue.flush();
      }
    });

  const takeBack = (registrationId: string) =>
    startTransition(async () => {
      const answer = await undo({ registrationId });
      setNotice(answer.ok && answer.outcome === 'undone' ? labels.undone : labels.notCheckedIn);
      if (answer.ok && answer.outcome === 'undone') {
        setResult(null);
        onChange?.();
      }
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a pick from the search is sent once, when it arrives.
  useEffect(() => {
    if (pick) send({ code: pick.code });
  }, [pick]);

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
      <ClientForm onSubmit={form.handleSubmit(send)} noValidate className="card">
        <TicketCodeField
          id="code"
          label={labels.code}
          submit={labels.submit}
          error={error}
          pending={pending}
          registered={form.register('code')}
        />
      </ClientForm>
      {/* The live region is on the page from the start: screen readers announce what changes inside
          one, not a region that appears with its text already in it. */}
      <div role="status" aria-live="polite" data-testid="checkin-outcome">
        {queue.waiting > 0 && (
          <p className="notice" data-testid="checkin-queued">
            {fill(labels.queued, { count: String(queue.waiting) })}
          </p>
        )}
        {notice && <p className="notice">{notice}</p>}
        {result && (
          <div className={`notice ${result.tone === 'ok' ? 'ok' : 'bad'}`} data-testid="checkin-result" data-outcome={result.outcome}>
            <p>
              <strong>
                {fill(labels.outcome[result.outcome], { name: result.name, at: result.at, venue: result.venue, by: result.by })}
              </strong>
              {result.status && <> — {labels.status[result.status]}</>}
              {result.organisation && <span className="muted"> · {result.organisation}</span>}
              {result.venue && <span className="muted"> · {result.venue}</span>}
              {result.shortCode && (
                <span className="muted">
                  {' '}
                  · {labels.shortCode} {result.shortCode}
                </span>
              )}
            </p>
            {result.outcome === 'checked-in' && result.registrationId && (
              <p className="actions">
                <a className="button" href={badgeHref.replace('{id}', result.registrationId)} download>
                  {labels.printBadge}
                </a>{' '}
                <button type="button" className="button secondary" disabled={pending} onClick={() => takeBack(result.registrationId!)}>
                  {labels.undo}
                </button>
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
