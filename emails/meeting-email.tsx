import { Heading, Link, Text } from '@react-email/components';
import type { MailLocale } from './mail-locale';
import { EmailLayout } from './components/email-layout';

/** Every sentence of a meeting mail, already in the reader's language (lib/meetings/meeting-mail.ts translates them). */
export type MeetingMailText = {
  subject: string;
  greeting: string;
  lead: string;
  when: string;
  where: string;
  message: string | null;
  /** The words of the online meeting's link, shown only in the mail to one of its two people. */
  join: string | null;
  link: string;
  footer: string;
};

export function MeetingEmail({
  locale,
  text,
  forumName,
  url,
  joinUrl = null,
}: {
  locale: MailLocale;
  text: MeetingMailText;
  forumName: string;
  url: string;
  joinUrl?: string | null;
}) {
  return (
    <EmailLayout lang={locale} preview={text.lead} forumName={forumName} footerText={text.footer}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {text.subject}
      </Heading>
      <Text>{text.greeting}</Text>
      <Text>{text.lead}</Text>
      <Text style={{ borderLeft: '3px solid #0b5cad', paddingLeft: 10 }}>
        {text.when}
        <br />
        {text.where}
      </Text>
      {text.join && joinUrl && (
        <Text>
          {text.join} <Link href={joinUrl}>{joinUrl}</Link>
        </Text>
      )}
      {text.message && <Text style={{ whiteSpace: 'pre-wrap' }}>{text.message}</Text>}
      <Text>
        <Link href={url}>{text.link}</Link>
      </Text>
    </EmailLayout>
  );
}
