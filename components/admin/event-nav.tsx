'use client';

import { usePathname } from 'next/navigation';

export type EventNavLink = { href: string; label: string; exact?: boolean };

/** The per-event admin menu; marks the section the organiser is in. */
export function EventNav({ links, label }: { links: EventNavLink[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="admin-nav">
      {links.map((link) => {
        const current = link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <a key={link.href} href={link.href} aria-current={current ? 'page' : undefined}>
            {link.label}
          </a>
        );
      })}
    </nav>
  );
}
