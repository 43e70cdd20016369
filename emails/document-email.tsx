import { Heading, Link, Text } from '@react-email/components';
import type { MailLocale } from './mail-locale';
import { EmailLayout } from './components/email-layout';

/** Every sentence of a mail that tells someone a document of theirs is ready, already in their language. */
export type DocumentMailText = {
  subject: string;
  greeting: string;
  lead: string;
  reference: string;
  link: string;
  footer: string;
};

/** A document (an invitation letter) is ready: a lead, its reference, and the link to where it is downloaded. */
export function DocumentEmail({
  locale,
  text,
  forumName,
  url,
}: {
  locale: MailLocale;
  text: DocumentMailText;
  forumName: string;
  url: string;
}) {
  return (
    <EmailLayout lang={locale} preview={text.lead} forumName={forumName} footerText={text.footer}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {text.subject}
      </Heading>
      <Text>{text.greeting}</Text>
      <Text>{text.lead}</Text>
      <Text style={{ borderLeft: '3px solid #0b5cad', paddingLeft: 10 }}>{text.reference}</Text>
      <Text>
        <Link href={url}>{text.link}</Link>
      </Text>
    </EmailLayout>
  );
}
