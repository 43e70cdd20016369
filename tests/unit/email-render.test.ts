// emails/render.ts converts the HTML to text itself, with the converter @react-email/render uses for
// `plainText: true` compiled once; this pins the two to the same output.
import { render } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/emails/render';
import { RegistrationEmail } from '@/emails/registration-email';
import { type Locale, locales } from '@/lib/i18n/locales';
import { type RegistrationMailData, registrationEmailProps } from '@/lib/registration/registration-mail-text';

function data(locale: Locale): RegistrationMailData {
  return {
    locale,
    kind: 'confirmed',
    forumName: 'Forum on China-ASEAN Technology Transfer',
    registrantName: 'Nguyễn <b>Thị</b> An',
    attendance: { mode: 'in_person', venue: 'Nanning International Convention Centre, Nanning', waitlistPosition: null },
    sessions: [
      { title: 'Opening Ceremony', when: 'Mon 14 Sep, 09:00–10:00 (UTC+8)', where: 'Hall 1', seat: { status: 'confirmed' }, joinUrl: null },
      {
        title: '10+3 Young Scientists Forum',
        when: 'Mon 14 Sep, 14:00–17:30 (UTC+8)',
        where: 'Online',
        seat: { status: 'waitlisted', position: 3 },
        joinUrl: 'https://forum.example/join/abc',
      },
    ],
    removed: [{ title: 'MoU signing', when: 'Tue 15 Sep, 10:00' }],
    changes: ['Keynote moved to 11:00'],
    manageUrl: 'https://forum.example/manage/token',
    ticketCid: 'ticket@hybrid-forum',
  };
}

describe('renderEmail', () => {
  it.each(locales)('gives the same text part as @react-email/render plainText (%s)', async (locale) => {
    const element = createElement(RegistrationEmail, registrationEmailProps(data(locale)));
    const { html, text } = await renderEmail(element);
    expect(text).toBe(await render(element, { plainText: true }));
    expect(html).toBe(await render(element));
    expect(text).toContain('https://forum.example/manage/token');
    // Markup in a name is text: shown as typed in the text part, escaped in the HTML part.
    expect(text).toContain('Nguyễn <b>Thị</b> An');
    expect(html).toContain('Nguyễn &lt;b&gt;Thị&lt;/b&gt; An');
  });
});
