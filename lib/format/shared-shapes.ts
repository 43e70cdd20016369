import { randomBytes } from 'node:crypto';

/**
 * Rendering once per shape what many recipients receive alike. A publish wave mails thousands of
 * people the same template, language and sessions: what differs per recipient (a name, a link, an
 * id) is replaced by a mark, the shape is rendered once, and each recipient's copy is that render
 * with their values put in the marks' places.
 *
 * A shape is shared only once its first recipient's direct render equals the shape filled in with
 * that recipient's values, byte for byte (checked when a second recipient of the shape comes, so a
 * shape of one costs one render); a shape that fails the check is rendered directly for everyone.
 * So the shared path never answers differently from a direct render. Inputs `mask` cannot share
 * (a value the renderer would not reproduce verbatim) are rendered directly.
 */

/** A mark user input cannot contain: random per process. */
export function markMaker(): (name: string | number) => string {
  const nonce = randomBytes(6).toString('hex');
  return (name) => `hf${nonce}m${name}z`;
}

export type Masked<Input, Fills> = { shape: Input; fills: Fills; key: string };

type Kept<Output, Fills> = { first: { fills: Fills; own: Promise<Output> } } | { shape: Promise<Output | null> };

export type SharedShapes<Input, Output> = {
  render(input: Input): Promise<Output>;
  /** Renders so far: of shared shapes, and direct ones (first recipients, and inputs that cannot share). */
  counts(): { shared: number; direct: number };
};

export function sharedShapes<Input, Fills, Output>(spec: {
  mask(input: Input): Masked<Input, Fills> | null;
  render(input: Input): Output | Promise<Output>;
  fill(shape: Output, fills: Fills): Output;
  same(a: Output, b: Output): boolean;
  maxShapes?: number;
}): SharedShapes<Input, Output> {
  const maxShapes = spec.maxShapes ?? 2_000;
  const shapes = new Map<string, Kept<Output, Fills>>();
  const counts = { shared: 0, direct: 0 };
  const direct = async (input: Input) => {
    counts.direct += 1;
    return spec.render(input);
  };
  const forget = (key: string) => () => shapes.delete(key);

  async function render(input: Input): Promise<Output> {
    const m = spec.mask(input);
    if (!m) return direct(input);
    const kept = shapes.get(m.key);
    if (!kept) {
      // The first recipient of a shape: rendered directly, and kept to check the shape against.
      const own = direct(input);
      shapes.set(m.key, { first: { fills: m.fills, own } });
      if (shapes.size > maxShapes) shapes.delete(shapes.keys().next().value!);
      own.catch(forget(m.key));
      return own;
    }
    if ('first' in kept) {
      const { first } = kept;
      counts.shared += 1;
      const checked = Promise.all([spec.render(m.shape), first.own]).then(([shape, own]) =>
        spec.same(spec.fill(shape, first.fills), own) ? shape : null,
      );
      shapes.set(m.key, { shape: checked });
      checked.catch(forget(m.key));
      const shape = await checked;
      return shape ? spec.fill(shape, m.fills) : direct(input);
    }
    const shape = await kept.shape;
    return shape ? spec.fill(shape, m.fills) : direct(input);
  }

  return { render, counts: () => ({ ...counts }) };
}

/** Every occurrence of each mark replaced by its value. */
export function replaceMarks(text: string, values: readonly (readonly [mark: string, value: string])[]): string {
  let out = text;
  for (const [mark, value] of values) out = out.split(mark).join(value);
  return out;
}
