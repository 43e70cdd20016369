// The registration page's first-load JavaScript (issue 21: ≤ 150 KB gzipped) is its client
// components and what they import statically. zod (with the shared schema) is loaded only when the
// form is first checked, by a dynamic import(); one static import of a module that imports zod
// (lib/validation/message.ts configures zod when loaded) puts all of zod in the first load again.
// This walks the static, value (not `import type`) imports from the form and names any such path.
// The form itself, with react-hook-form, is fetched after the page's first scripts: the pages reach it
// through its island (components/registration/registration-form-island.tsx) by import() only.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** The modules a file imports for their values at load time (type-only imports and import() left out). */
function staticValueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const named = statement.exportClause;
      const onlyTypes = named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** Every import chain from `entry` that reaches the package `pkg`, as lists of files. */
function chainsTo(entry: string, pkg: string): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticValueImports(file)) {
      if (specifier === pkg || specifier.startsWith(`${pkg}/`)) found.push([...chain, specifier]);
      else if (specifier.startsWith('.') || specifier.startsWith('@/')) {
        const next = resolveLocal(file, specifier);
        if (next) walk(next, [...chain, path.relative(root, next)]);
      }
    }
  };
  walk(path.join(root, entry), [entry]);
  return found;
}

describe("the registration form's first load", () => {
  it('imports zod only on demand', () => {
    expect(chainsTo('components/registration/registration-form.tsx', 'zod')).toEqual([]);
  });

  it('finds a static path to zod when there is one (negative control)', () => {
    // message.ts imports zod itself: a form importing it would bring zod along.
    expect(chainsTo('lib/validation/message.ts', 'zod')).toEqual([['lib/validation/message.ts', 'zod']]);
    expect(chainsTo('lib/registration/schema.ts', 'zod').length).toBeGreaterThan(0);
  });

  it('skips type-only imports and dynamic import()', () => {
    const imports = staticValueImports(path.join(root, 'components/registration/registration-form.tsx'));
    expect(imports).not.toContain('@/lib/registration/schema');
    expect(imports).not.toContain('@hookform/resolvers/zod');
    // Its type-only names from react-hook-form are left out; the hook that brings the package is not.
    expect(imports).not.toContain('react-hook-form');
    expect(imports).toContain('@/components/forms/use-filled-form');
    expect(chainsTo('components/registration/registration-form.tsx', 'react-hook-form')).toContainEqual([
      'components/registration/registration-form.tsx',
      'components/forms/use-filled-form.ts',
      'react-hook-form',
    ]);
  });

  it('reaches react-hook-form from the registration pages only through import()', () => {
    const island = 'components/registration/registration-form-island.tsx';
    for (const page of ['app/[locale]/events/[slug]/register/page.tsx', 'app/[locale]/events/[slug]/register/delegation/page.tsx']) {
      expect(staticValueImports(path.join(root, page))).toContain(`@/${island.replace(/\.tsx$/, '')}`);
      expect(staticValueImports(path.join(root, page))).not.toContain('@/components/registration/registration-form');
    }
    expect(chainsTo(island, 'react-hook-form')).toEqual([]);
    expect(chainsTo(island, 'zod')).toEqual([]);
    expect(fs.readFileSync(path.join(root, island), 'utf8')).toContain("import('./registration-form')");
  });
});
