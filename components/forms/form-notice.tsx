import type { FormNotice as Notice } from './use-form-result';

/** How the last submit went: a status when saved, an alert when refused. */
export function FormNotice({ notice, testId }: { notice: Notice | null; testId?: string }) {
  if (!notice) return null;
  return (
    <p role={notice.ok ? 'status' : 'alert'} className={`notice ${notice.ok ? 'ok' : 'bad'}`} data-testid={testId}>
      {notice.text}
    </p>
  );
}
