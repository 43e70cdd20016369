import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';

function agendaWords(locale: 'en' | 'zh') {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: 'adminAgenda' as never }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
}

describe('the publish preview and result say who is mailed in correct grammar', () => {
  const en = agendaWords('en');
  const zh = agendaWords('zh');
  const cases: [number, number, string, string, string][] = [
    [0, 0, 'No one was mailed.', 'Publishing will mail no one.', '未向任何人发送邮件。'],
    [1, 0, '1 registrant was mailed.', 'Publishing will mail 1 registrant.', '已向 1 位报名者发送邮件。'],
    [0, 1, '1 speaker was mailed.', 'Publishing will mail 1 speaker.', '已向 1 位嘉宾发送邮件。'],
    [
      5,
      1,
      '5 registrants and 1 speaker were mailed.',
      'Publishing will mail 5 registrants and 1 speaker.',
      '已向 5 位报名者和 1 位嘉宾发送邮件。',
    ],
    [
      1,
      2,
      '1 registrant and 2 speakers were mailed.',
      'Publishing will mail 1 registrant and 2 speakers.',
      '已向 1 位报名者和 2 位嘉宾发送邮件。',
    ],
    [3, 0, '3 registrants were mailed.', 'Publishing will mail 3 registrants.', '已向 3 位报名者发送邮件。'],
    [0, 4, '4 speakers were mailed.', 'Publishing will mail 4 speakers.', '已向 4 位嘉宾发送邮件。'],
  ];
  for (const [registrants, speakers, mailed, preview, zhMailed] of cases) {
    it(`${registrants} registrants, ${speakers} speakers`, () => {
      expect(en('mailed', { registrants, speakers })).toBe(mailed);
      expect(en('preview.audience', { registrants, speakers })).toBe(preview);
      expect(zh('mailed', { registrants, speakers })).toBe(zhMailed);
      expect(zh('preview.audience', { registrants, speakers })).not.toMatch(/[A-Za-z{}]/);
    });
  }
});
