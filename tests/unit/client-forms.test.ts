// Every form either submits without the browser's help (a GET of filters, a server action's POST,
// each saying so with `method` or `action`) or is a ClientForm, whose controls stay disabled until
// React has hydrated it (components/forms/client-form.tsx). A plain <form onSubmit> would, on a slow
// phone, send its fields in a GET's address and lose what was typed; tests/e2e/before-hydration
// checks the rendered pages, this checks every form in the source, rendered by a page yet or not.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../helpers/source-files';

const root = path.resolve(import.meta.dirname, '..', '..');

type FormTag = { where: string; attributes: string[] };

/** Every `<form …>` JSX element in a source text, with the names of the attributes it is given. */
function formTags(file: string, text: string): FormTag[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: FormTag[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === 'form') {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({
        where: `${path.relative(root, file)}:${line + 1}`,
        attributes: node.attributes.properties.map((attribute) =>
          ts.isJsxAttribute(attribute) ? attribute.name.getText(source) : '...spread',
        ),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const allForms = ['app', 'components']
  .flatMap((dir) => sourceFiles(path.join(root, dir), /\.tsx$/))
  .flatMap((file) => formTags(file, fs.readFileSync(file, 'utf8')));

describe('forms before the page is ready', () => {
  it('no plain <form> handles its own submit in the browser: those are ClientForms', () => {
    const handled = allForms.filter((form) => form.attributes.includes('onSubmit')).map((form) => form.where);
    expect(handled).toEqual([]);
  });

  it('only ClientForm passes a form props it cannot see (a spread could hide an onSubmit)', () => {
    const spread = allForms.filter((form) => form.attributes.includes('...spread')).map((form) => form.where);
    expect(spread).toEqual(['components/forms/client-form.tsx:23']);
  });

  it('every other <form> says how it submits without scripts', () => {
    const silent = allForms
      .filter((form) => !form.attributes.some((name) => name === 'method' || name === 'action'))
      .map((form) => form.where);
    expect(silent).toEqual([]);
  });

  it("every react-hook-form form is a useFilledForm, whose fields show their defaults in the server's HTML", () => {
    const direct = ['app', 'components']
      .flatMap((dir) => sourceFiles(path.join(root, dir), /\.tsx?$/))
      .filter((file) => /import \{[^}]*\buseForm\b[^}]*\} from 'react-hook-form'/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(direct).toEqual(['components/forms/use-filled-form.ts']);
  });

  it('finds a form handled in the browser, however its attributes are laid out (the check can fail)', () => {
    const text =
      'export const F = () => (\n  <form\n    className="card"\n    onSubmit={(e) => e.preventDefault()}\n  >\n    <input />\n  </form>\n);';
    expect(formTags(path.join(root, 'components/x.tsx'), text)).toEqual([
      { where: 'components/x.tsx:2', attributes: ['className', 'onSubmit'] },
    ]);
  });
});
