import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** How long close() lets open connections finish before it ends them with a 421. */
export const CLOSE_AFTER_MS = 250;

export type Received = { envelope: { from: string; to: string[] }; raw: string; parsed: ParsedMail };

/** What the server answers to a message's data: null accepts it, otherwise an SMTP error. */
export type Responder = (attempt: number) => { code: number; message: string } | null;

/**
 * A real SMTP server on 127.0.0.1 that keeps what it accepted, parsed with mailparser, so tests
 * assert on what actually arrived.
 */
export async function startSmtpServer(options: { port?: number; respond?: Responder } = {}) {
  const received: Received[] = [];
  let attempts = 0;
  let respond = options.respond ?? (() => null);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    // The app's pooled transport keeps its connection open; smtp-server's default waits 30 s for it to
    // leave before closing, which each spec and test file with a mailbox paid in its teardown.
    closeTimeout: CLOSE_AFTER_MS,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        attempts += 1;
        const verdict = respond(attempts);
        if (verdict) {
          const error = Object.assign(new Error(verdict.message), { responseCode: verdict.code });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw,
              parsed,
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get attempts() {
      return attempts;
    },
    respondWith(next: Responder) {
      respond = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { freePort } from './free-port';
