import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages, type ClientNamespace } from '@/lib/i18n/client-messages';

/**
 * Gives the client components below it the text they translate with, and nothing more: public pages
 * that have no such components send the browser no message catalogue at all.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: ClientNamespace[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
