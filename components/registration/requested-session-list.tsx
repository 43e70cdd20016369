import type { ReactNode } from 'react';
import type { SessionOption } from '@/lib/agenda/form-options';

/** The sessions a registrant asked for, earliest first, each with its date and zoned time, and what the caller says of it. */
export function RequestedSessionList<T>({
  items,
  note,
}: {
  items: { option: SessionOption; request: T }[];
  note?: (request: T) => ReactNode;
}) {
  return (
    <ul data-testid="requested-sessions">
      {items.map(({ option, request }) => (
        <li key={option.id} data-session={option.id}>
          {option.title} — {option.day} · {option.time}
          {note && <> — {note(request)}</>}
        </li>
      ))}
    </ul>
  );
}
