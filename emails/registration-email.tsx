import { Button, Heading, Img, Link, Section, Text } from '@react-email/components';
import type { MailLocale } from './mail-locale';
import { EmailLayout } from './components/email-layout';

export type RegistrationMailKind =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'changed'
  | 'cancelled'
  | 'manage-link'
  | 'schedule-changed'
  | 'pending'
  | 'category-waitlisted'
  | 'approved'
  | 'rejected';

/** Every sentence of the mail, already in the registrant's language (lib translates them from messages/). */
export type RegistrationEmailText = {
  subject: string;
  lead: string;
  greeting: string;
  footer: string;
  attendanceHeading: string;
  /** "In person at …", with the venue waitlist place when there is one, or "Online". */
  attendance: string;
  map: string;
  sessionsHeading: string;
  noSessions: string;
  joinOnline: string;
  joinHowTo: string;
  removedHeading: string;
  changesHeading: string;
  ticket: string;
  ticketHelp: string;
  /** "Short code: K7M2-9XQA …", empty when the mail has none. */
  shortCode: string;
  manage: string;
  manageHelp: string;
  calendarHelp: string;
};

export type EmailSession = {
  title: string;
  /** Already formatted in the registrant's venue zone, with the zone named. */
  when: string;
  where: string;
  /** "confirmed", "waitlist #3", or null when the session takes no seat. */
  seatLabel: string | null;
  joinUrl: string | null;
};

export type RegistrationEmailProps = {
  locale: MailLocale;
  kind: RegistrationMailKind;
  text: RegistrationEmailText;
  forumName: string;
  attendance: { mode: 'in_person'; address?: string; mapUrl?: string | null } | { mode: 'online' };
  sessions: EmailSession[];
  removed: { title: string; when: string }[];
  changes: string[];
  manageUrl: string;
  ticketCid: string | null;
  shortCode: string | null;
};

const h2 = { fontSize: 16, margin: '20px 0 8px' };
const row = { borderLeft: '3px solid #0b5cad', margin: '0 0 10px', padding: '2px 0 2px 10px' };
const muted = { color: '#4b5563', fontSize: 13, margin: '2px 0' };
const title = { fontSize: 15, fontWeight: 600, margin: '0 0 2px' };

export function RegistrationEmail(props: RegistrationEmailProps) {
  const copy = props.text;
  const cancelled = props.kind === 'cancelled' || props.kind === 'rejected';
  // Awaiting a decision or a place: no seat yet, so no attendance or sessions to list.
  const holdsNothing = cancelled || props.kind === 'pending' || props.kind === 'category-waitlisted';
  return (
    <EmailLayout lang={props.locale} preview={copy.lead} forumName={props.forumName} footerText={copy.footer}>
      <Heading as="h1" style={{ fontSize: 22, margin: '8px 0 12px' }}>
        {copy.subject}
      </Heading>
      <Text>{copy.greeting}</Text>
      <Text>{copy.lead}</Text>
      {props.changes.length > 0 && (
        <Section>
          <Heading as="h2" style={h2}>
            {copy.changesHeading}
          </Heading>
          {props.changes.map((change) => (
            <Text key={change} style={row}>
              {change}
            </Text>
          ))}
        </Section>
      )}
      {!holdsNothing && (
        <Section>
          <Heading as="h2" style={h2}>
            {copy.attendanceHeading}
          </Heading>
          <Text style={{ margin: 0 }}>{copy.attendance}</Text>
          {props.attendance.mode === 'in_person' && props.attendance.address && (
            <Text style={muted}>
              {props.attendance.address}
              {props.attendance.mapUrl && (
                <>
                  {' · '}
                  <Link href={props.attendance.mapUrl}>{copy.map}</Link>
                </>
              )}
            </Text>
          )}
          <Heading as="h2" style={h2}>
            {copy.sessionsHeading}
          </Heading>
          {props.sessions.length === 0 && <Text>{copy.noSessions}</Text>}
          {/* Before the list: the sentence points down to the join links ("below", "下方"). */}
          {props.attendance.mode === 'online' && props.sessions.length > 0 && <Text style={muted}>{copy.joinHowTo}</Text>}
          {props.sessions.map((session) => (
            <Section key={`${session.title}${session.when}`} style={row}>
              <Text style={title}>{session.title}</Text>
              <Text style={muted}>{session.when}</Text>
              <Text style={muted}>
                {session.where}
                {session.seatLabel ? ` · ${session.seatLabel}` : ''}
              </Text>
              {session.joinUrl && (
                <Text style={muted}>
                  <Link href={session.joinUrl}>{copy.joinOnline}</Link>
                </Text>
              )}
            </Section>
          ))}
        </Section>
      )}
      {props.removed.length > 0 && (
        <Section>
          <Heading as="h2" style={h2}>
            {copy.removedHeading}
          </Heading>
          {props.removed.map((session) => (
            <Text key={`${session.title}${session.when}`} style={{ ...muted, textDecoration: 'line-through' }}>
              {session.title} · {session.when}
            </Text>
          ))}
        </Section>
      )}
      {props.ticketCid && (
        <Section>
          <Heading as="h2" style={h2}>
            {copy.ticket}
          </Heading>
          <Img src={`cid:${props.ticketCid}`} width="200" height="200" alt={copy.ticket} />
          <Text style={muted}>{copy.ticketHelp}</Text>
          {props.shortCode && <Text style={{ fontSize: 15, margin: '4px 0' }}>{copy.shortCode}</Text>}
        </Section>
      )}
      <Section style={{ marginTop: 20 }}>
        <Button href={props.manageUrl} style={{ backgroundColor: '#0b5cad', borderRadius: 6, color: '#ffffff', padding: '10px 18px' }}>
          {copy.manage}
        </Button>
        <Text style={muted}>{copy.manageHelp}</Text>
        <Text style={muted}>{props.manageUrl}</Text>
        {!cancelled && props.sessions.length > 0 && <Text style={muted}>{copy.calendarHelp}</Text>}
      </Section>
    </EmailLayout>
  );
}
