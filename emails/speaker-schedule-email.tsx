import { Heading, Link, Text } from '@react-email/components';
import type { MailLocale } from './mail-locale';
import { EmailLayout } from './components/email-layout';

/** Every sentence of the mail, already in the speaker's language (lib translates them from messages/). */
export type SpeakerScheduleText = {
  subject: string;
  greeting: string;
  lead: string;
  portal: string;
  calendar: string;
  footer: string;
};

export function SpeakerScheduleEmail({
  locale,
  text,
  forumName,
  changes,
  portalUrl,
}: {
  locale: MailLocale;
  text: SpeakerScheduleText;
  forumName: string;
  changes: string[];
  portalUrl: string;
}) {
  return (
    <EmailLayout lang={locale} preview={text.lead} forumName={forumName} footerText={text.footer}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {text.subject}
      </Heading>
      <Text>{text.greeting}</Text>
      <Text>{text.lead}</Text>
      {changes.map((line) => (
        <Text key={line} style={{ borderLeft: '3px solid #0b5cad', paddingLeft: 10 }}>
          {line}
        </Text>
      ))}
      <Text>
        <Link href={portalUrl}>{text.portal}</Link>
      </Text>
      <Text style={{ color: '#4b5563', fontSize: 13 }}>{text.calendar}</Text>
    </EmailLayout>
  );
}
