import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { DocumentEmail } from '@/emails/document-email';
import { renderEmail } from '@/emails/render';
import { localeOrDefault } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { enqueueMail } from '@/lib/mail/outbox';
import { manageUrl } from '@/lib/registration/manage-token';

/**
 * Queues the mail telling a registrant their invitation letter was issued, in their language, with
 * its reference and the link to their manage page, where the PDF is downloaded (the PDF itself is
 * not attached: it carries passport details, and the manage link is the registrant's own key).
 * Called in the transaction that issues the letter, so the two commit together.
 */
export async function queueLetterIssuedMail(tx: Db, eventId: string, registrationId: string, reference: string): Promise<void> {
  const [row] = await tx
    .select({ name: registrations.name, email: registrations.email, locale: registrations.locale, forum: events.name })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.id, registrationId));
  if (!row) return;
  const locale = localeOrDefault(row.locale);
  const t = translator(locale, 'mail');
  const forumName = pick(row.forum, locale);
  const text = {
    subject: t('visaLetter.subject', { forum: forumName }),
    greeting: t('meeting.greeting', { name: row.name }),
    lead: t('visaLetter.lead', { forum: forumName }),
    reference: t('visaLetter.reference', { reference }),
    link: t('visaLetter.link'),
    footer: t('visaLetter.footer', { forum: forumName }),
  };
  const { html, text: plain } = await renderEmail(
    createElement(DocumentEmail, { locale, text, forumName, url: manageUrl(registrationId) }),
  );
  await enqueueMail(tx, {
    kind: 'visa.issued',
    eventId,
    registrationId,
    toAddress: row.email,
    toName: row.name,
    subject: text.subject,
    html,
    text: plain,
  });
}
