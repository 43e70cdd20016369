const released = Symbol.for('hybrid-forum.abort-reason-stacks-released');

/**
 * Releases what an abort reason's stack trace holds. React's server renderer aborts a controller with
 * an Error at the end of every render (its cacheController, facebook/react#37288), and nothing reads
 * that Error's `stack`. Until it is read, V8 keeps the stack as structured frames, which hold each
 * frame's function and receiver; here those reach the render's whole state, and through the
 * executed Immediates' queue links the state of the renders that ran beside it. Under a join storm
 * that retained ~1,500 finished renders and ran the server out of its 192 MB heap
 * (bench/README.md, join storm). Reading `stack` once formats it to a string and lets the frames go.
 */
export function releaseAbortReasonStacks(target: { AbortController: typeof AbortController } = globalThis): void {
  const prototype = target.AbortController.prototype as AbortController & { [released]?: true };
  if (prototype[released]) return;
  const abort = prototype.abort;
  Object.defineProperty(prototype, 'abort', {
    configurable: true,
    writable: true,
    value: function abortAndFormatReason(this: AbortController, reason?: unknown) {
      abort.call(this, reason);
      // Node makes an AbortError of its own when no reason is given: the same applies to it.
      const stored: unknown = this.signal.reason;
      if (stored instanceof Error) void stored.stack;
    },
  });
  Object.defineProperty(prototype, released, { value: true });
}
