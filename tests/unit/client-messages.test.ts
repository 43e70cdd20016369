import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES } from '@/lib/i18n/client-messages';
import { sourceFiles } from '../helpers/source-files';

const files = (dir: string) => sourceFiles(dir, /\.tsx?$/);

describe('messages sent to the browser', () => {
  it('can include every namespace a client component translates with', () => {
    const used = new Set<string>();
    for (const file of [...files('components'), ...files('app')]) {
      const source = fs.readFileSync(file, 'utf8');
      if (!/^['"]use client['"]/m.test(source)) continue;
      for (const match of source.matchAll(/useTranslations\(\s*['"]([\w-]+)/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });
});
