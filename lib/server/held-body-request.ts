import http from 'node:http';

export type HeldBody = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * A request whose body the app server receives whole, up to a limit, before Next.js reads any of it.
 * Next.js would otherwise buffer up to 10 MB of any POST for its proxy before a route could refuse it.
 * The HTTP parser hands every body chunk to push(), so counting there catches a chunked body as well
 * as a declared one; past the limit the rest is dropped as it arrives and costs no memory.
 */
export class HeldBodyRequest extends http.IncomingMessage {
  #state: 'passing' | 'holding' | 'dropping' = 'passing';
  #chunks: Buffer[] = [];
  #size = 0;
  #limit = 0;
  #settle: ((held: HeldBody) => void) | null = null;
  /** The parser's end of the body, held back with it; passed on exactly once. */
  #endHeld = false;

  /** Starts holding the body: resolves with it once complete, or as soon as it passes `limit` bytes. */
  holdBody(limit: number): Promise<HeldBody> {
    this.#state = 'holding';
    this.#limit = limit;
    return new Promise<HeldBody>((resolve) => {
      this.#settle = resolve;
      this.once('close', () => this.#finish({ ok: false, reason: 'aborted' }));
    });
  }

  /**
   * Drops whatever body arrives from now on (the request has been refused). The connection stays open
   * while the client finishes sending, so it reads the refusal instead of a reset, but no longer than
   * `lingerMs`.
   */
  dropBody(lingerMs = 10_000): void {
    this.#state = 'dropping';
    this.#chunks = [];
    if (this.#endHeld) return void super.push(null);
    if (this.complete) return;
    const timer = setTimeout(() => this.socket.destroy(), lingerMs).unref();
    this.once('end', () => clearTimeout(timer));
    this.once('close', () => clearTimeout(timer));
  }

  /** The body as received whole by holdBody and released; null before, or when there was none. */
  receivedBody: Buffer | null = null;

  /** Hands the held body on to whoever reads the request next, and keeps it for a reader in this server. */
  releaseBody(body: Buffer): void {
    this.receivedBody = body;
    this.#state = 'passing';
    this.#chunks = [];
    this.#endHeld = false;
    if (body.length > 0) super.push(body);
    super.push(null);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (this.#state === 'passing') return super.push(chunk, encoding);
    if (this.#state === 'dropping') return chunk === null ? super.push(null) : true;
    if (chunk === null) {
      this.#endHeld = true;
      this.#finish({ ok: true, body: Buffer.concat(this.#chunks) });
      return false;
    }
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding);
    this.#size += bytes.length;
    if (this.#size > this.#limit) {
      this.#state = 'dropping';
      this.#chunks = [];
      this.#finish({ ok: false, reason: 'too-large' });
      return true;
    }
    this.#chunks.push(bytes);
    return true;
  }

  #finish(held: HeldBody): void {
    const settle = this.#settle;
    this.#settle = null;
    settle?.(held);
  }
}
