'use client';

import { createContext, type ReactNode, useContext } from 'react';
import en from '@/messages/en/errors.json';

export type FailureText = typeof en.errors.failed;

const FailureTextContext = createContext<FailureText>(en.errors.failed);

/**
 * The words of the "something went wrong" page, handed down by the layout in the page's language: the
 * error boundary renders inside the layout, and must work on pages that load no i18n runtime, so it
 * reads them from here rather than importing a catalogue per language (English is the default).
 */
export function FailureTextProvider({ text, children }: { text: FailureText; children: ReactNode }) {
  return <FailureTextContext.Provider value={text}>{children}</FailureTextContext.Provider>;
}

export function useFailureText(): FailureText {
  return useContext(FailureTextContext);
}
