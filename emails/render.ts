import { plainTextSelectors, render } from '@react-email/render';
import { compile } from 'html-to-text';
import type { ReactElement } from 'react';

/**
 * The plain-text converter @react-email/render uses for `plainText: true`, compiled once: that option
 * renders the React tree a second time and compiles html-to-text's selectors on every call, together
 * a third of a registration mail's rendering time in the mail worker.
 */
const htmlToPlainText = compile({ wordwrap: false, selectors: plainTextSelectors });

/** HTML and plain-text parts of one mail from one template, so the two never disagree. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: htmlToPlainText(html) };
}
