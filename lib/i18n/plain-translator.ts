export type PlainMessages = { [key: string]: string | PlainMessages };

/**
 * Looks up "a.b" in a message namespace and fills "{name}" placeholders. For client components on
 * public pages whose text has no plurals or selects, so the browser need not load an ICU runtime;
 * tests/unit/plain-messages.test.ts keeps those namespaces free of ICU syntax.
 */
export function plainTranslator(messages: PlainMessages) {
  return (key: string, values: Record<string, string | number> = {}): string => {
    let node: string | PlainMessages | undefined = messages;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** Namespaces client components read through plainTranslator. */
export const PLAIN_NAMESPACES = ['register', 'validation'] as const;
