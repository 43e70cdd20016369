import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages-provider';

export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['exhibition', 'invite', 'auth', 'validation']}>{children}</ClientMessages>;
}
