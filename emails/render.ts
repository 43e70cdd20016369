import { render } from '@react-email/render';
import type { ReactElement } from 'react';

/** HTML and plain-text parts of one mail from one template, so the two never disagree. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
