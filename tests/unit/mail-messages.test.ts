// Mail, calendar text and publish change lines are translated from messages/<locale> like the pages.
// Adding a language must need nothing but its messages: so every mail is rendered here in every
// locale (the translator throws on a missing key), and the Chinese mail may not fall back to English.
import { createElement } from 'react';
import type { LocalizedText } from '@/db/schema';
import { describe, expect, it } from 'vitest';
import { MagicLinkEmail } from '@/emails/magic-link-email';
import { RegistrationEmail, type RegistrationMailKind } from '@/emails/registration-email';
import { renderEmail } from '@/emails/render';
import { SpeakerScheduleEmail } from '@/emails/speaker-schedule-email';
import type { AgendaChange } from '@/lib/agenda/publish/diff';
import { changeLine } from '@/lib/agenda/publish/change-lines';
import { speakerScheduleText } from '@/lib/agenda/publish/speaker-schedule-text';
import type { PublicAgenda } from '@/lib/agenda/public-agenda';
import { magicLinkText } from '@/lib/auth/magic-link-text';
import { teamInviteText } from '@/lib/team/invite-text';
import { type Locale, locales } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { pick } from '@/lib/i18n/text';
import type { ItineraryItem } from '@/lib/registration/itinerary';
import { itineraryWhere } from '@/lib/registration/itinerary-text';
import { type RegistrationMailData, registrationEmailProps, registrationSubject } from '@/lib/registration/registration-mail-text';
import { speakerSessionDescription } from '@/lib/speakers/feed';
import type { SpeakerSession } from '@/lib/speakers/schedule';

const KINDS: RegistrationMailKind[] = ['confirmed', 'waitlisted', 'promoted', 'changed', 'cancelled', 'manage-link', 'schedule-changed'];
const OUTSIDE_REQUEST = ['mail', 'calendar'] as const;

const text = (en: string, zh: string): LocalizedText => ({ en, zh });
const venue = { id: 'v1', name: text('Convention Centre', '会展中心'), city: text('Nanning', '南宁'), timeZone: 'Asia/Shanghai' };
const agenda = {
  event: { timeZone: 'Asia/Shanghai' },
  venues: [venue],
  rooms: [{ id: 'r1', name: text('Hall 1', '一号厅') }],
  sessions: [{ id: 's1', title: text('Opening', '开幕式'), venueId: 'v1' }],
  speakers: [],
} as unknown as PublicAgenda;
const span = { startsAt: '2026-09-14T01:00:00Z', endsAt: '2026-09-14T02:00:00Z' };
const CHANGES: AgendaChange[] = [
  { kind: 'moved', sessionId: 's1', was: { ...span, venueId: 'v1' }, now: { ...span, startsAt: '2026-09-14T03:00:00Z', venueId: 'v1' } },
  { kind: 'cancelled', sessionId: 's1', was: span },
  { kind: 'room-changed', sessionId: 's1', was: { roomId: null }, now: { roomId: 'r1' } },
];

function changeLines(locale: Locale): string[] {
  return CHANGES.map((c) => changeLine(c, agenda, locale, () => ({ zone: venue.timeZone, place: pick(venue.city, locale) })) ?? '');
}

/** Every branch of the registration mail: venue waitlist, confirmed and waitlisted seats, join links, removals, changes, ticket. */
function registration(locale: Locale, kind: RegistrationMailKind, mode: 'in_person' | 'online'): RegistrationMailData {
  const zh = locale === 'zh';
  return {
    locale,
    kind,
    forumName: zh ? '中国—东盟技术转移论坛' : 'Technology Transfer Forum',
    registrantName: zh ? '王芳' : 'Wang Fang',
    attendance:
      mode === 'online'
        ? { mode: 'online' }
        : {
            mode: 'in_person',
            venue: zh ? '会展中心，南宁' : 'Convention Centre, Nanning',
            waitlistPosition: 2,
            address: '11 Minzu Ave',
            mapUrl: 'https://maps.example/x',
          },
    sessions: [
      {
        title: zh ? '开幕式' : 'Opening',
        when: '09:00–10:00',
        where: zh ? '一号厅' : 'Hall 1',
        seat: { status: 'confirmed' },
        joinUrl: null,
      },
      {
        title: zh ? '青年论坛' : 'Youth forum',
        when: '14:00–17:30',
        where: zh ? '二号厅' : 'Hall 2',
        seat: { status: 'waitlisted', position: 3 },
        joinUrl: 'https://forum.example/join/abc',
      },
      { title: zh ? '主旨演讲' : 'Keynote', when: '18:00–19:00', where: zh ? '三号厅' : 'Hall 3', seat: null, joinUrl: null },
    ],
    removed: [{ title: zh ? '签约仪式' : 'MoU signing', when: '10:00' }],
    changes: changeLines(locale),
    manageUrl: 'https://forum.example/manage/token',
    ticketCid: 'ticket@hybrid-forum',
  };
}

const speakerSession = (role: string, presence: 'onsite' | 'remote'): SpeakerSession =>
  ({
    role,
    presence,
    venue: { ...venue, country: 'CN', kind: 'main' },
    moderators: [{ speakerId: 'p1', name: 'Li Wei', honorific: '', role: 'moderator', presence: 'remote' }],
    coSpeakers: [{ speakerId: 'p2', name: 'Chen Jie', honorific: '', role: 'speaker', presence: 'onsite' }],
    relays: [{ venue: { ...venue, city: text('Bangkok', '曼谷') }, room: null }],
  }) as unknown as SpeakerSession;

/** Everything a locale's mail and calendar text says, rendered as it is sent (subjects and text parts). */
async function everything(locale: Locale): Promise<string[]> {
  const out: string[] = [];
  for (const kind of KINDS)
    for (const mode of ['in_person', 'online'] as const) {
      const data = registration(locale, kind, mode);
      // And with nothing chosen, for the "no sessions" line.
      const none = { ...data, sessions: [] };
      out.push((await renderEmail(createElement(RegistrationEmail, registrationEmailProps(none)))).text);
      out.push(
        registrationSubject(locale, kind, data.forumName),
        (await renderEmail(createElement(RegistrationEmail, registrationEmailProps(data)))).text,
      );
    }
  // Where a session is, as mail and invites say it: relayed to a room, to the venue, or online.
  const origin = { ...venue, address: '' };
  for (const presence of [
    { kind: 'relay', room: { name: text('Hall 2', '二号厅') }, venue: origin },
    { kind: 'relay', room: null, venue: origin },
    { kind: 'online' },
  ])
    out.push(itineraryWhere({ origin, originRoom: null, presence } as unknown as ItineraryItem, locale));
  const words = speakerScheduleText(locale, 'Forum', 'Li Wei');
  const speakerMail = createElement(SpeakerScheduleEmail, {
    locale,
    text: words,
    forumName: 'Forum',
    changes: changeLines(locale),
    portalUrl: 'https://forum.example/speaker',
  });
  out.push(words.subject, (await renderEmail(speakerMail)).text);
  for (const role of ['speaker', 'moderator', 'panelist', 'signatory', 'host'])
    for (const presence of ['onsite', 'remote'] as const) out.push(speakerSessionDescription(speakerSession(role, presence), locale));
  return out;
}

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('mail and calendar text from messages/', () => {
  it.each(locales)('has every mail and calendar key of English in %s, none empty, none extra', (locale) => {
    for (const namespace of OUTSIDE_REQUEST) {
      const en = leaves(loadMessages('en')[namespace], namespace);
      const here = leaves(loadMessages(locale)[namespace], namespace);
      expect(here.map(([key]) => key).sort()).toEqual(en.map(([key]) => key).sort());
      expect(here.filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual([]);
    }
  });

  it.each(locales)(
    'renders every mail, change line and calendar description in %s (a key the code asks for and the locale lacks throws)',
    async (locale) => {
      const rendered = await everything(locale);
      expect(rendered.every((part) => part.length > 0)).toBe(true);
    },
  );

  it.each(locales.filter((l) => l !== 'en'))('leaves no sentence of the English copy in the %s mail and calendar text', async (locale) => {
    // The English sentences, cut at their placeholders; short words ("Map") could occur by chance.
    const english = leaves({ mail: loadMessages('en').mail, calendar: loadMessages('en').calendar })
      .filter(([key]) => !key.startsWith('mail.magicLink.'))
      .flatMap(([, value]) => value.split(/\{[^}]*\}/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => (fragment.match(/[A-Za-z]/g) ?? []).length >= 4);
    expect(english.length).toBeGreaterThan(40);
    const translated = (await everything(locale)).join('\n');
    expect(english.filter((sentence) => translated.includes(sentence))).toEqual([]);
    // The check can fail: the English mail does contain them.
    const inEnglish = (await everything('en')).join('\n');
    expect(english.filter((sentence) => inEnglish.includes(sentence)).length).toBeGreaterThan(30);
  });

  it('sends the sign-in mail in every language at once, as before', async () => {
    const words = magicLinkText();
    // Marked as the default language's page, which comes first.
    expect(words.lang).toBe('en');
    expect(magicLinkText('zh').lang).toBe('zh-CN');
    expect(words.subject).toBe(
      'Your sign-in link · 登录链接 · サインイン用リンク · 로그인 링크 · ลิงก์สำหรับเข้าสู่ระบบของท่าน · Đường dẫn đăng nhập của bạn',
    );
    const { text: body } = await renderEmail(
      createElement(MagicLinkEmail, { link: 'https://forum.example/signin/magic?token=t', text: words }),
    );
    expect(body).toContain('Use the button to sign in. The link works once and expires in 15 minutes.');
    expect(body).toContain('点击下方按钮登录。链接仅可使用一次，15 分钟内有效。');
    expect(body).toContain('Sign in · 登录');
    expect(body).toContain('ลิงก์ใช้ได้ครั้งเดียวและจะหมดอายุใน 15 นาที');
  });

  it('the sign-in mail in every language closes with each language’s warning, a space between them', () => {
    expect(magicLinkText().footer).toBe(locales.map((locale) => magicLinkText(locale).footer).join(' '));
    expect(magicLinkText().footer).toContain('nobody can sign in without it. 如非本人操作，请忽略此邮件。');
  });

  it('sends the sign-in mail in one language when the account or the asking page has one', async () => {
    const words = magicLinkText('th');
    expect(words.subject).toBe('ลิงก์สำหรับเข้าสู่ระบบของท่าน');
    expect(words.lang).toBe('th');
    const { html, text: body } = await renderEmail(
      createElement(MagicLinkEmail, { link: 'https://forum.example/signin/magic?token=t', text: words }),
    );
    expect(body).toContain('ลิงก์ใช้ได้ครั้งเดียวและจะหมดอายุใน 15 นาที');
    expect(body).not.toContain('Use the button to sign in');
    expect(html).toMatch(/<html[^>]*lang="th"/);
  });

  it('sends the team invite in the language the organiser chose, naming the forum, the role and the venue', async () => {
    const invite = (locale: 'en' | 'zh' | 'th') =>
      teamInviteText({
        eventName: text('The 11th Forum', '第十一届论坛'),
        role: 'venue_manager',
        venueName: text('Bangkok', '曼谷'),
        locale,
      });
    expect(invite('en').subject).toBe('You are invited to the team of The 11th Forum');
    expect(invite('zh').subject).toBe('邀请您加入第十一届论坛的团队');
    // A language the forum's texts lack falls back to English for the names, never to nothing.
    expect(invite('th').subject).toContain('ท่านได้รับเชิญเข้าร่วมทีมของ The 11th Forum');
    const { text: body } = await renderEmail(createElement(MagicLinkEmail, { link: 'https://forum.example/invite/t', text: invite('zh') }));
    expect(body).toContain('您受邀以曼谷的会场负责人的身份参与第十一届论坛的工作。');
    expect(body).not.toContain('You are invited');
    expect(body).toContain('https://forum.example/invite/t');
  });
});
