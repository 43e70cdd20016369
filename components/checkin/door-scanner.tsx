'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { TicketCodeField } from './ticket-code-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { type DoorScanInput, doorScanSchema } from '@/lib/checkin/schema';
import type { DoorView } from '@/lib/checkin/session-door';
import type { Result } from '@/lib/errors/result';
import { ClientForm } from '../forms/client-form';

export type DoorLabels = {
  code: string;
  submit: string;
  /** Templates with {name} and {at}. */
  outcome: Record<DoorView['outcome'], string>;
  /** "{attended} of {capacity} in the room" / "{attended} in the room". */
  count: string;
  countNoLimit: string;
  tooMany: string;
};

function fill(template: string, values: Record<string, string | number | null>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * The door of one session: staff type or scan (a hand scanner types the QR text) a ticket code;
 * the answer says who came in, or why not, and the room's count against its capacity follows.
 */
export function DoorScanner({
  sessionId,
  initial,
  submit,
  labels,
}: {
  sessionId: string;
  initial: { attended: number; capacity: number | null };
  submit: (input: DoorScanInput) => Promise<Result<{ view: DoorView }>>;
  labels: DoorLabels;
}) {
  const words = useValidationText();
  const form = useFilledForm<DoorScanInput>({ resolver: zodResolver(doorScanSchema), defaultValues: { code: '', sessionId } });
  const [view, setView] = useState<DoorView | null>(null);
  const [count, setCount] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const send = (input: DoorScanInput) =>
    startTransition(async () => {
      setNotice(null);
      const answer = await submit(input);
      if (!answer.ok) {
        if (answer.code === 'rate-limited') setNotice(labels.tooMany);
        else form.setError('code', { message: answer.fields?.code ?? answer.error });
        return;
      }
      setView(answer.view);
      setCount({ attended: answer.view.attended, capacity: answer.view.capacity });
      form.reset({ code: '', sessionId });
    });
  const error = words(form.formState.errors.code?.message);
  return (
    <div className="checkin-desk">
      <p className="door-count" data-testid="door-count">
        <strong>
          {count.capacity === null
            ? fill(labels.countNoLimit, { attended: count.attended })
            : fill(labels.count, { attended: count.attended, capacity: count.capacity })}
        </strong>
      </p>
      <ClientForm onSubmit={form.handleSubmit(send)} noValidate className="card">
        <input type="hidden" {...form.register('sessionId')} />
        <TicketCodeField
          id="door-code"
          label={labels.code}
          submit={labels.submit}
          error={error}
          pending={pending}
          registered={form.register('code')}
        />
      </ClientForm>
      <div role="status" aria-live="polite" data-testid="door-outcome">
        {notice && <p className="notice">{notice}</p>}
        {view && (
          <p className={`notice ${view.outcome === 'recorded' ? 'ok' : 'bad'}`} data-testid="door-result" data-outcome={view.outcome}>
            {fill(labels.outcome[view.outcome], { name: view.name, at: view.at })}
          </p>
        )}
      </div>
    </div>
  );
}
