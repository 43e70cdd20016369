import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages-provider';

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        'adminAgenda',
        'adminCategories',
        'adminDocuments',
        'adminEvents',
        'adminQuestions',
        'adminTeam',
        'adminVenues',
        'agenda',
        'auth',
        'exhibition',
        'outcomes',
        'validation',
      ]}
    >
      {children}
    </ClientMessages>
  );
}
