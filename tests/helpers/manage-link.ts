// The manage link as the registrant gets it: only by mail (the API and the success screen do not
// hand it to whoever submitted the form). Browser tests read it from the mail that arrived over SMTP.
import type { Received } from './smtp';

/** The manage link in the newest mail to `email` among those received, if any. */
export function manageLinkMailedTo(received: Received[], email: string): string | null {
  const mails = received.filter((m) => m.envelope.to.includes(email));
  for (const mail of mails.reverse()) {
    const link = /https?:\/\/[^\s"<>]+\/manage\/[A-Za-z0-9._~%-]+/.exec(mail.parsed.text ?? '')?.[0];
    if (link) return link;
  }
  return null;
}
