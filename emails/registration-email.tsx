import { Button, Heading, Img, Link, Section, Text } from '@react-email/components';
import type { MailLocale } from './mail-locale';
import { EmailLayout } from './components/email-layout';
import { registrationCopy, type RegistrationMailKind } from './registration-copy';

export type EmailSession = {
  title: string;
  /** Already formatted in the registrant's venue zone, with the zone named. */
  when: string;
  where: string;
  seat: { status: 'confirmed' } | { status: 'waitlisted'; position: number } | null;
  joinUrl: string | null;
};

export type RegistrationEmailProps = {
  locale: MailLocale;
  kind: RegistrationMailKind;
  forumName: string;
  registrantName: string;
  attendance:
    | { mode: 'in_person'; venue: string; waitlistPosition: number | null; address?: string; mapUrl?: string | null }
    | { mode: 'online' };
  sessions: EmailSession[];
  removed: { title: string; when: string }[];
  changes: string[];
  manageUrl: string;
  ticketCid: string | null;
};

const h2 = { fontSize: 16, margin: '20px 0 8px' };
const row = { borderLeft: '3px solid #0b5cad', margin: '0 0 10px', padding: '2px 0 2px 10px' };
const muted = { color: '#4b5563', fontSize: 13, margin: '2px 0' };
const title = { fontSize: 15, fontWeight: 600, margin: '0 0 2px' };

export function RegistrationEmail(props: RegistrationEmailProps) {
  const copy = registrationCopy(props.locale);
  const attendance =
    props.attendance.mode === 'online'
      ? copy.online
      : props.attendance.waitlistPosition
        ? `${copy.inPersonAt(props.attendance.venue)} · ${copy.waitlistedForVenue(props.attendance.waitlistPosition)}`
        : copy.inPersonAt(props.attendance.venue);
  const cancelled = props.kind === 'cancelled';
  return (
    <EmailLayout lang={props.locale} preview={copy.lead[props.kind]} forumName={props.forumName} footerText={copy.footer(props.forumName)}>
      <Heading as="h1" style={{ fontSize: 22, margin: '8px 0 12px' }}>
        {copy.subject[props.kind]}
      </Heading>
      <Text>{copy.greeting(props.registrantName)}</Text>
      <Text>{copy.lead[props.kind]}</Text>
      {props.changes.length > 0 && (
        <Section>
          <Heading as="h2" style={h2}>
            {copy.scheduleChanges}
          </Heading>
          {props.changes.map((change) => (
            <Text key={change} style={row}>
              {change}
            </Text>
          ))}
        </Section>
      )}
      {!cancelled && (
        <Section>
          <Heading as="h2" style={h2}>
            {copy.attendance}
          </Heading>
          <Text style={{ margin: 0 }}>{attendance}</Text>
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
            {copy.sessions}
          </Heading>
          {props.sessions.length === 0 && <Text>{copy.noSessions}</Text>}
          {props.sessions.map((session) => (
            <Section key={`${session.title}${session.when}`} style={row}>
              <Text style={title}>{session.title}</Text>
              <Text style={muted}>{session.when}</Text>
              <Text style={muted}>
                {session.where}
                {session.seat
                  ? ` · ${session.seat.status === 'confirmed' ? copy.seatConfirmed : copy.seatWaitlisted(session.seat.position)}`
                  : ''}
              </Text>
              {session.joinUrl && (
                <Text style={muted}>
                  <Link href={session.joinUrl}>{copy.joinOnline}</Link>
                </Text>
              )}
            </Section>
          ))}
          {props.attendance.mode === 'online' && props.sessions.length > 0 && <Text style={muted}>{copy.joinHowTo}</Text>}
        </Section>
      )}
      {props.removed.length > 0 && (
        <Section>
          <Heading as="h2" style={h2}>
            {copy.removed}
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
