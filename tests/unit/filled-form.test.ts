// The server's HTML of a react-hook-form form shows the form's defaults: before React runs in the
// browser (seconds on a slow phone) an edit form is filled in, not empty and then filled by the
// script. tests/e2e/before-hydration compares every page's forms before and after hydration.
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { tickedByDefault, useFilledForm } from '@/components/forms/use-filled-form';

type Values = {
  name: string;
  capacity: number;
  streamed: boolean;
  cancelled: boolean;
  kind: 'keynote' | 'panel';
  languages: string[];
  title: { en: string; zh?: string };
  note?: string;
};

const defaults: Values = {
  name: 'Nanning main hall',
  capacity: 300,
  streamed: true,
  cancelled: false,
  kind: 'panel',
  languages: ['en', 'th'],
  title: { en: 'Opening' },
};

const fields = ({ register, registerChoice }: ReturnType<typeof useFilledForm<Values>>): ReactNode[] => [
  createElement('input', { key: 'name', ...register('name') }),
  createElement('input', { key: 'capacity', ...register('capacity', { valueAsNumber: true }) }),
  createElement('input', { key: 'streamed', type: 'checkbox', ...register('streamed') }),
  createElement('input', { key: 'cancelled', type: 'checkbox', ...register('cancelled') }),
  createElement('textarea', { key: 'title', ...register('title.en') }),
  createElement('input', { key: 'zh', ...register('title.zh') }),
  createElement('input', { key: 'note', ...register('note') }),
  ...['keynote', 'panel'].map((kind) => createElement('input', { key: kind, type: 'radio', ...registerChoice('kind', kind) })),
  ...['en', 'zh', 'th'].map((code) => createElement('input', { key: code, type: 'checkbox', ...registerChoice('languages', code) })),
];

function FilledForm() {
  return createElement('form', null, ...fields(useFilledForm<Values>({ defaultValues: defaults })));
}

function PlainForm() {
  const form = useForm<Values>({ defaultValues: defaults });
  return createElement(
    'form',
    null,
    createElement('input', form.register('name')),
    createElement('input', { type: 'checkbox', ...form.register('streamed') }),
  );
}

describe("a form's defaults in the server's HTML", () => {
  const html = renderToStaticMarkup(createElement(FilledForm));

  it('text fields, numbers and nested names show their default; a field without one is empty', () => {
    expect(html).toContain('<input name="name" value="Nanning main hall"/>');
    expect(html).toContain('<input name="capacity" value="300"/>');
    expect(html).toContain('<textarea name="title.en">Opening</textarea>');
    expect(html).toContain('<input name="title.zh"/>');
    expect(html).toContain('<input name="note"/>');
  });

  it('a single box is ticked by a true default, and only by it', () => {
    expect(html).toContain('<input type="checkbox" name="streamed" checked=""/>');
    expect(html).toContain('<input type="checkbox" name="cancelled"/>');
  });

  it('a radio is ticked when it is the default, a box of a group when the default list holds it', () => {
    expect(html).toContain('<input type="radio" name="kind" value="keynote"/>');
    expect(html).toContain('<input type="radio" name="kind" checked="" value="panel"/>');
    expect(html).toContain('<input type="checkbox" name="languages" checked="" value="en"/>');
    expect(html).toContain('<input type="checkbox" name="languages" value="zh"/>');
    expect(html).toContain('<input type="checkbox" name="languages" checked="" value="th"/>');
    expect(tickedByDefault(undefined, 'en')).toBe(false);
    expect(tickedByDefault('', '')).toBe(true);
  });

  it("react-hook-form's own register leaves them out (what this fixes; the test can fail)", () => {
    expect(renderToStaticMarkup(createElement(PlainForm))).toBe(
      '<form><input name="name"/><input type="checkbox" name="streamed"/></form>',
    );
  });
});
