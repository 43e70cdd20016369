'use client';

import type { ComponentProps } from 'react';
import { retryableLazy } from '@/components/ui/retryable-lazy';
import type { RegistrationForm } from './registration-form';

type FormProps = ComponentProps<typeof RegistrationForm>;

const loadForm = () => import('./registration-form').then((module) => ({ default: module.RegistrationForm }));

// Requested as soon as the page's scripts run, in parallel with hydration, not when React reaches it.
// A failed request is reported where React asks for the form again (the page's error boundary, whose
// "Try again" asks for the code anew: retryableLazy).
if (typeof window !== 'undefined') loadForm().catch(() => undefined);

const currentForm = retryableLazy(loadForm);

/**
 * The registration form, its code (react-hook-form and the form, ~20 KB gzipped) fetched after the
 * page's first scripts instead of with them. No Suspense boundary on purpose: React would stream a
 * boundary this large (over 12.8 KB of HTML) after the page and reveal it later, so the form would
 * appear ~0.5 s late. Without one the server writes the form in the page itself, and in the browser
 * hydration waits for the chunk with the server's form on screen, its controls disabled until then
 * (ClientForm).
 */
export function RegistrationFormIsland(props: FormProps) {
  const Form = currentForm();
  return <Form {...props} />;
}
