import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PollResults, QuestionList } from '@/components/live/room-parts';
import { loadMessages } from '@/lib/i18n/messages';

const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

describe('live room text is rendered as text', () => {
  it('a question, its asker and a poll that look like markup are escaped, never markup', () => {
    const question = {
      id: '00000000-0000-4000-8000-000000000001',
      body: hostile,
      author: `${hostile} name`,
      anonymous: false,
      status: 'approved' as const,
      answered: false,
      highlighted: true,
      votes: 3,
      mine: false,
      held: null,
      voted: false,
      createdAt: new Date().toISOString(),
    };
    const poll = {
      id: 'p',
      question: hostile,
      options: [hostile, 'b'],
      multiple: false,
      status: 'open' as const,
      counts: [1, 0],
      ballots: 1,
      mine: null,
    };
    const html = renderToStaticMarkup(
      createElement(
        NextIntlClientProvider,
        // The children follow as arguments; the props type names them too.
        { locale: 'en', timeZone: 'UTC', messages: loadMessages('en') } as unknown as Parameters<typeof NextIntlClientProvider>[0],
        createElement(QuestionList, { empty: '', questions: [question] }),
        createElement(PollResults, { poll }),
      ),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html.match(/&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/g)?.length).toBe(4);
  });

  it('a held question’s matched term, as the moderator sees it, is text too', () => {
    const question = {
      id: '00000000-0000-4000-8000-000000000002',
      body: `${hostile} spam`,
      author: 'Asker',
      anonymous: false,
      status: 'pending' as const,
      answered: false,
      highlighted: false,
      votes: 0,
      held: { filter: 'blocklist', term: hostile },
      mine: false,
      voted: false,
      createdAt: new Date().toISOString(),
    };
    const html = renderToStaticMarkup(
      createElement(
        NextIntlClientProvider,
        { locale: 'en', timeZone: 'UTC', messages: loadMessages('en') } as unknown as Parameters<typeof NextIntlClientProvider>[0],
        createElement(QuestionList, { empty: '', questions: [question], showStatus: false }),
      ),
    );
    expect(html).toContain('data-testid="held-term"');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    // Once in the body, once in the flag.
    expect(html.match(/&lt;script&gt;alert\(2\)&lt;\/script&gt;/g)?.length).toBe(2);
  });
});
