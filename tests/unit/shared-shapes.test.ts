// lib/format/shared-shapes.ts: a shape is shared only after its fill reproduced its first recipient's
// direct render; otherwise everyone of that shape is rendered directly, so answers never differ.
import { describe, expect, it } from 'vitest';
import { markMaker, replaceMarks, sharedShapes } from '@/lib/format/shared-shapes';

type Letter = { greeting: string; name: string };

function letters() {
  const mark = markMaker();
  const NAME = mark('name');
  let renders = 0;
  const shapes = sharedShapes<Letter, [string, string][], string>({
    mask: (letter) =>
      letter.name.includes('!') ? null : { shape: { ...letter, name: NAME }, fills: [[NAME, letter.name]], key: letter.greeting },
    // A renderer that does something to names a plain fill does not: it trims them.
    render: (letter) => {
      renders += 1;
      return `${letter.greeting}, ${letter.name.trim()}.`;
    },
    fill: (shape, fills) => replaceMarks(shape, fills),
    same: (a, b) => a === b,
  });
  return { shapes, renders: () => renders };
}

describe('sharedShapes', () => {
  it('shares a shape whose fill reproduces the direct render: one render for the shape, one for its first recipient', async () => {
    const { shapes, renders } = letters();
    const names = ['Ana', 'Bui', 'Chen', 'Dara', 'Eko'];
    expect(await Promise.all(names.map((name) => shapes.render({ greeting: 'Dear', name })))).toEqual(names.map((n) => `Dear, ${n}.`));
    expect(renders()).toBe(2);
    expect(shapes.counts()).toEqual({ shared: 1, direct: 1 });
  });

  it('renders every recipient of a shape directly once the fill is found not to reproduce the first recipient', async () => {
    const { shapes, renders } = letters();
    const names = [' Ana', 'Bui', ' Chen', 'Dara'];
    expect(await Promise.all(names.map((name) => shapes.render({ greeting: 'Hello', name })))).toEqual([
      'Hello, Ana.',
      'Hello, Bui.',
      'Hello, Chen.',
      'Hello, Dara.',
    ]);
    // The first directly, the shape (found wrong), then each later recipient directly.
    expect(renders()).toBe(5);
    expect(shapes.counts()).toEqual({ shared: 1, direct: 4 });
  });

  it('renders directly what cannot be masked, and forgets a shape whose first render failed', async () => {
    const { shapes } = letters();
    expect(await shapes.render({ greeting: 'Hi', name: 'wow!' })).toBe('Hi, wow!.');
    const failing = sharedShapes<Letter, [], string>({
      mask: (letter) => ({ shape: letter, fills: [], key: letter.greeting }),
      render: (letter) => (letter.name === 'bad' ? Promise.reject(new Error('render failed')) : `${letter.greeting} ${letter.name}`),
      fill: (shape) => shape,
      same: (a, b) => a === b,
    });
    await expect(failing.render({ greeting: 'Yo', name: 'bad' })).rejects.toThrow('render failed');
    expect(await failing.render({ greeting: 'Yo', name: 'good' })).toBe('Yo good');
  });

  it('keeps the newest 2,000 shapes by default (or maxShapes): an older shape is checked again from its next recipient', async () => {
    const make = (maxShapes?: number) =>
      sharedShapes<Letter, [], string>({
        mask: (letter) => ({ shape: letter, fills: [], key: letter.greeting }),
        // What a recipient's name changes, nothing here: every recipient of a shape gets the same.
        render: (letter) => letter.greeting,
        fill: (shape) => shape,
        same: (a, b) => a === b,
        ...(maxShapes ? { maxShapes } : {}),
      });
    for (const [shapes, kept] of [
      [make(), 2_000],
      [make(3), 3],
    ] as const) {
      for (let i = 0; i <= kept; i++) await shapes.render({ greeting: `shape ${i}`, name: 'first' });
      expect(shapes.counts()).toEqual({ shared: 0, direct: kept + 1 });
      // The newest is still kept: its second recipient shares it.
      await shapes.render({ greeting: `shape ${kept}`, name: 'second' });
      expect(shapes.counts()).toEqual({ shared: 1, direct: kept + 1 });
      // The oldest was let go: its next recipient is a first recipient again.
      await shapes.render({ greeting: 'shape 0', name: 'second' });
      expect(shapes.counts()).toEqual({ shared: 1, direct: kept + 2 });
    }
  });
});
