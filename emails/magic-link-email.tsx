import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout } from './components/email-layout';

/**
 * One language's words, or, when the reader's language is not known, every language's joined
 * (`paragraphs` then has one per language). `lang` is the mail's language tag, English for a mixed one.
 */
export type MagicLinkText = { subject: string; heading: string; paragraphs: string[]; footer: string; lang?: string };

export function MagicLinkEmail({ link, text }: { link: string; text: MagicLinkText }) {
  return (
    <EmailLayout lang={text.lang ?? 'en'} preview={text.subject} forumName="Hybrid Forum" footerText={text.footer}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {text.heading}
      </Heading>
      {text.paragraphs.map((paragraph) => (
        <Text key={paragraph}>{paragraph}</Text>
      ))}
      <Button href={link} style={{ backgroundColor: '#0b5cad', borderRadius: 6, color: '#ffffff', padding: '10px 18px' }}>
        {text.heading}
      </Button>
      <Text style={{ color: '#4b5563', fontSize: 12, wordBreak: 'break-all' }}>{link}</Text>
    </EmailLayout>
  );
}
