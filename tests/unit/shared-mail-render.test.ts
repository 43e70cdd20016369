// lib/registration/shared-render.ts renders a registration mail once per shape and fills each
// recipient's values in: its answer must be byte for byte the direct render's, and a wave of
// recipients of one shape must cost one render.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/emails/render';
import { RegistrationEmail } from '@/emails/registration-email';
import { type Locale, locales } from '@/lib/i18n/locales';
import { type RegistrationMailData, registrationEmailProps } from '@/lib/registration/registration-mail-text';
import { renderRegistrationBody, sharedRenderCounts } from '@/lib/registration/shared-render';

function recipient(locale: Locale, n: number, overrides: Partial<RegistrationMailData> = {}): RegistrationMailData {
  return {
    locale,
    kind: 'schedule-changed',
    forumName: 'Forum on China-ASEAN Technology Transfer',
    registrantName: [`Nguyễn <b>Thị</b> An ${n}`, `O'Brien & "Sons" ${n}`, `สมชาย ใจดี ${n}`, `王小明${n}`][n % 4]!,
    attendance: { mode: 'in_person', venue: 'Nanning International Convention Centre, Nanning', waitlistPosition: null },
    sessions: [
      { title: 'Opening Ceremony', when: 'Mon 14 Sep, 09:00–10:00 (UTC+8)', where: 'Hall 1', seat: { status: 'confirmed' }, joinUrl: null },
      {
        title: '10+3 Young Scientists Forum',
        when: 'Mon 14 Sep, 14:00–17:30 (UTC+8)',
        where: 'Online',
        seat: { status: 'waitlisted', position: 3 },
        joinUrl: `https://forum.example/join/${n}?a=1&b=2`,
      },
    ],
    removed: [],
    changes: ['Keynote moved to 11:00'],
    manageUrl: `https://forum.example/manage/token-${n}`,
    ticketCid: 'ticket@hybrid-forum',
    shortCode: `K7M2-9X${n % 10}A`,
    ...overrides,
  };
}

const direct = (data: RegistrationMailData) => renderEmail(createElement(RegistrationEmail, registrationEmailProps(data)));

describe('shared rendering of registration mail', () => {
  it('answers exactly what a direct render answers, in every language, for names and links that need escaping', async () => {
    const before = sharedRenderCounts();
    for (const locale of locales) {
      for (let n = 0; n < 6; n++) {
        const variants: RegistrationMailData[] = [
          recipient(locale, n),
          recipient(locale, n, { kind: 'waitlisted', attendance: { mode: 'in_person', venue: 'Hall', waitlistPosition: 1000 } }),
          recipient(locale, n, { kind: 'confirmed', attendance: { mode: 'online' }, shortCode: undefined, ticketCid: null }),
          recipient(locale, n, { kind: 'category-waitlisted', categoryPosition: 7 }),
        ];
        for (const data of variants) {
          const [shared, expected] = await Promise.all([renderRegistrationBody(data), direct(data)]);
          expect(shared.html).toBe(expected.html);
          expect(shared.text).toBe(expected.text);
        }
      }
    }
    // Each shape was rendered once, and its first recipient directly (to check the shape against it);
    // the waitlisted variants' places are part of their shape.
    const after = sharedRenderCounts();
    expect(after.shared - before.shared).toBeGreaterThan(0);
    expect(after.direct - before.direct).toBe(after.shared - before.shared);
  });

  it('renders a wave of 200 recipients of one shape once, and a value it could not reproduce directly', async () => {
    const before = sharedRenderCounts();
    const wave = Array.from({ length: 200 }, (_, n) =>
      recipient('th', n, { sessions: recipient('th', 0).sessions.slice(0, 1), registrantName: `ผู้ลงทะเบียน ${n}` }),
    );
    const rendered = await Promise.all(wave.map(renderRegistrationBody));
    expect(sharedRenderCounts()).toEqual({ shared: before.shared + 1, direct: before.direct + 1 });
    // A second wave of the same shape renders nothing more.
    await Promise.all(wave.map((data) => renderRegistrationBody({ ...data, manageUrl: `${data.manageUrl}-again` })));
    expect(sharedRenderCounts()).toEqual({ shared: before.shared + 1, direct: before.direct + 1 });
    expect(rendered[7]!.text).toContain('ผู้ลงทะเบียน 7');
    expect(rendered[7]!.html).toContain('token-7');
    expect(rendered[7]!.html).not.toContain('token-8');
    // Runs of spaces collapse in HTML and text: such a value is rendered directly, not shared.
    const spaced = recipient('en', 1, { registrantName: 'Ann   Lee' });
    const counted = sharedRenderCounts();
    const [shared, expected] = await Promise.all([renderRegistrationBody(spaced), direct(spaced)]);
    expect(shared).toEqual(expected);
    expect(sharedRenderCounts()).toEqual({ shared: counted.shared, direct: counted.direct + 1 });
  });

  it('shares a shape whose names hold any letter (a capital V too), and never one whose names hold runs of spaces', async () => {
    const shape = { sessions: recipient('vi', 0).sessions.slice(0, 1), changes: ['Shape V'] };
    const before = sharedRenderCounts();
    const names = ['Vũ Văn An', 'Võ Thị Vy', 'Vương Văn V'];
    const rendered = await Promise.all(
      names.map((registrantName, n) => renderRegistrationBody(recipient('vi', n, { ...shape, registrantName }))),
    );
    expect(sharedRenderCounts()).toEqual({ shared: before.shared + 1, direct: before.direct + 1 });
    expect(rendered.map((r, n) => r.text.includes(names[n]!))).toEqual([true, true, true]);
    // Two recipients of one shape, both with spaced names: each rendered directly, no shape kept.
    const spacedShape = { sessions: recipient('en', 0).sessions.slice(0, 1), changes: ['Spaced shape'] };
    const counted = sharedRenderCounts();
    for (const registrantName of ['Ann   Lee', 'Bo   Kim']) {
      const data = recipient('en', 2, { ...spacedShape, registrantName });
      expect(await renderRegistrationBody(data)).toEqual(await direct(data));
    }
    expect(sharedRenderCounts()).toEqual({ shared: counted.shared, direct: counted.direct + 2 });
  });

  it('shares a waitlist wave across places in line: one shape per number of digits, each place where a direct render puts it', async () => {
    const before = sharedRenderCounts();
    const places = [1, 2, 3, 9, 10, 11, 57, 99, 100, 101, 999, 1000, 4321, 12345];
    const wave = places.flatMap((place, n) =>
      (['en', 'zh', 'th'] as const).map((locale) => {
        const base = recipient(locale, n, { kind: 'waitlisted', changes: ['Wave of places'] });
        return {
          ...base,
          attendance: { mode: 'in_person' as const, venue: 'Nanning Hall', waitlistPosition: place },
          sessions: base.sessions.map((session) =>
            session.seat?.status === 'waitlisted' ? { ...session, seat: { status: 'waitlisted' as const, position: place + 7 } } : session,
          ),
        };
      }),
    );
    for (const data of wave) {
      const [shared, expected] = await Promise.all([renderRegistrationBody(data), direct(data)]);
      expect(shared.html).toBe(expected.html);
      expect(shared.text).toBe(expected.text);
    }
    const after = sharedRenderCounts();
    // Shapes go by the digits of the venue's place and the session's (7 more): 1+1, 1+2, 2+2, 2+3, 3+3,
    // 3+4, 4+4 and 5+5, 8 per language, each written once directly. Five of them had a second
    // recipient, whose shape passed the check; a failed check would have rendered more directly.
    expect(after.direct - before.direct).toBe(3 * 8);
    expect(after.shared - before.shared).toBe(3 * 5);
    // The place is in the text, and in the preview, padded to its length.
    const [first] = await Promise.all([renderRegistrationBody(wave[3 * 12]!)]);
    expect(first!.text).toContain('4321');
    expect(first!.html).toContain('number 4321 on its waitlist');
  });

  it('renders directly a mail that holds a character its place marks are made of', async () => {
    const data = recipient('en', 1, { kind: 'waitlisted', changes: ['Private use \ue001 here'] });
    const counted = sharedRenderCounts();
    expect(await renderRegistrationBody(data)).toEqual(await direct(data));
    expect(await renderRegistrationBody({ ...data, registrantName: 'Someone Else' })).toEqual(
      await direct({ ...data, registrantName: 'Someone Else' }),
    );
    expect(sharedRenderCounts()).toEqual({ shared: counted.shared, direct: counted.direct + 2 });
  });
});
