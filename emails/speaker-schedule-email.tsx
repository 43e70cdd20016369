import { Heading, Link, Text } from '@react-email/components';
import type { MailLocale } from './mail-locale';
import { EmailLayout } from './components/email-layout';

const copy = {
  en: {
    subject: 'Your programme changed',
    greeting: (name: string) => `Dear ${name},`,
    lead: 'The organisers published a new version of the programme. These changes affect sessions you speak at:',
    portal: 'See your full schedule',
    calendar: 'The attached calendar file updates these sessions in your calendar.',
    footer: (forum: string) => `You receive this mail as a speaker at ${forum}.`,
  },
  zh: {
    subject: '您的日程有变更',
    greeting: (name: string) => `尊敬的${name}：`,
    lead: '主办方发布了新版议程，以下变更涉及您参与的场次：',
    portal: '查看您的完整日程',
    calendar: '附件中的日历文件会更新您日历中的这些场次。',
    footer: (forum: string) => `您作为${forum}的嘉宾收到此邮件。`,
  },
};

export function speakerScheduleSubject(locale: MailLocale, forum: string): string {
  return `${copy[locale].subject} · ${forum}`;
}

export function SpeakerScheduleEmail({
  locale,
  forumName,
  speakerName,
  changes,
  portalUrl,
}: {
  locale: MailLocale;
  forumName: string;
  speakerName: string;
  changes: string[];
  portalUrl: string;
}) {
  const c = copy[locale];
  return (
    <EmailLayout lang={locale} preview={c.lead} forumName={forumName} footerText={c.footer(forumName)}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {c.subject}
      </Heading>
      <Text>{c.greeting(speakerName)}</Text>
      <Text>{c.lead}</Text>
      {changes.map((line) => (
        <Text key={line} style={{ borderLeft: '3px solid #0b5cad', paddingLeft: 10 }}>
          {line}
        </Text>
      ))}
      <Text>
        <Link href={portalUrl}>{c.portal}</Link>
      </Text>
      <Text style={{ color: '#4b5563', fontSize: 13 }}>{c.calendar}</Text>
    </EmailLayout>
  );
}
