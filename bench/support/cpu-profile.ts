// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by module, and inclusive
// time of the functions that take most, so a profile can be read without DevTools.

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Which package or part of the program a script belongs to. */
function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const chunk = /\.next\/(.+)$/.exec(url);
  if (chunk) return `.next/${chunk[1]}`;
  return url;
}

const where = (frame: CallFrame) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*?(node_modules\/|\.next\/|node:)/, '$1')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;

export function summariseCpuProfile(profile: CpuProfile, options: { top?: number } = {}): string {
  const top = options.top ?? 40;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = [...selfByNode.values()].reduce((a, b) => a + b, 0);
  const idleUs = [...selfByNode].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);
  const busyUs = totalUs - idleUs;

  const selfByFunction = new Map<string, number>();
  const selfByModule = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfByNode) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    selfByFunction.set(where(frame), (selfByFunction.get(where(frame)) ?? 0) + us);
    const module = moduleOf(frame.url, frame.functionName);
    selfByModule.set(module, (selfByModule.get(module) ?? 0) + us);
    // Inclusive: every distinct function on the stack of these samples.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = where(byId.get(at)!.callFrame);
      if (!seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }

  const pct = (us: number) => `${((us / busyUs) * 100).toFixed(1).padStart(5)}%`;
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const table = (title: string, entries: Map<string, number>, n: number) =>
    [
      `\n${title}`,
      ...[...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, us]) => `${ms(us)} ${pct(us)}  ${k}`),
    ].join('\n');
  return [
    `profile: ${(totalUs / 1e6).toFixed(1)} s sampled, ${(busyUs / 1e6).toFixed(1)} s busy (${((busyUs / totalUs) * 100).toFixed(0)}%)`,
    table('self time by module', selfByModule, top),
    table('self time by function', selfByFunction, top),
    table('inclusive time by function', inclusive, top * 2),
  ].join('\n');
}
