import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { releaseAbortReasonStacks } from '@/lib/server/abort-reason-stacks';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * What React's server renderer does at the end of a render: a controller that outlives the render is
 * aborted with an Error (or with Node's own AbortError when no reason is given), from a frame whose
 * closure holds the render's state. Answers a weak reference to that state.
 */
function finishRender(Controller: typeof AbortController, withReason: boolean) {
  const state = { page: new Array(100_000).fill('rendered') };
  const controller = new Controller();
  const completed = () => {
    if (state.page.length > 0) controller.abort(withReason ? new Error('This render completed successfully.') : undefined);
  };
  completed();
  return { controller, state: new WeakRef(state) };
}

async function stateSurvives(Controller: typeof AbortController, withReason: boolean): Promise<boolean> {
  const { controller, state } = finishRender(Controller, withReason);
  // A weak target stays alive until the job that made it ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  const survives = state.deref() !== undefined;
  expect(controller.signal.aborted).toBe(true);
  return survives;
}

describe('abort reasons’ stacks', () => {
  it('an aborted controller no longer keeps the finished render’s state through its reason’s stack (with the unread stack it does)', async () => {
    class Unpatched extends AbortController {}
    // The negative control: the leak this guards against, as V8 has it.
    expect(await stateSurvives(Unpatched, true)).toBe(true);
    expect(await stateSurvives(Unpatched, false)).toBe(true);

    class Patched extends AbortController {}
    releaseAbortReasonStacks({ AbortController: Patched });
    releaseAbortReasonStacks({ AbortController: Patched });
    expect(await stateSurvives(Patched, true)).toBe(false);
    expect(await stateSurvives(Patched, false)).toBe(false);
  });

  it('the reason, its message and its stack stay what they were, and listeners still run', () => {
    class Patched extends AbortController {}
    releaseAbortReasonStacks({ AbortController: Patched });
    const controller = new Patched();
    const heard: unknown[] = [];
    controller.signal.addEventListener('abort', () => heard.push(controller.signal.reason));
    const reason = new Error('done');
    controller.abort(reason);
    expect(controller.signal.reason).toBe(reason);
    expect(heard).toEqual([reason]);
    expect(reason.stack).toMatch(/^Error: done\n\s+at /);
    const bare = new Patched();
    bare.abort();
    expect((bare.signal.reason as DOMException).name).toBe('AbortError');
    const text = new Patched();
    text.abort('plain words');
    expect(text.signal.reason).toBe('plain words');
  });
});
