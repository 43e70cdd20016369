import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { fontStack } from '../font-stacks';

const body = { backgroundColor: '#f4f6f8', margin: 0, padding: '24px 0' };
const card = { backgroundColor: '#ffffff', borderRadius: 8, margin: '0 auto', maxWidth: 600, padding: '24px 28px' };
const brand = { color: '#0b5cad', fontSize: 13, fontWeight: 600, letterSpacing: 0.3, margin: 0, textTransform: 'uppercase' as const };
const footer = { color: '#6b7280', fontSize: 12, lineHeight: '18px' };

/** The frame every mail shares: the forum's name on top, the reason for the mail at the bottom. */
export function EmailLayout({
  lang,
  preview,
  forumName,
  footerText,
  children,
}: {
  lang: string;
  preview: string;
  forumName: string;
  footerText: string;
  children: ReactNode;
}) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ ...body, fontFamily: fontStack(lang) }}>
        <Container style={card}>
          <Text style={brand}>{forumName}</Text>
          {children}
          <Hr />
          <Section>
            <Text style={footer}>{footerText}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
