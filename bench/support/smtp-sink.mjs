// A local SMTP server in its own process that accepts everything and counts deliveries per
// Message-ID (no parsing beyond the header, so it is never the bottleneck of the drain).
// Prints its port; answers an IPC "report" with { delivered, distinct, duplicates, refused, ids }.
// With REFUSE_PERCENT=N it answers "421 try again later" to the first attempt of about N% of the
// messages (chosen by Message-ID), as a busy receiving server does: the worker must retry them and
// still deliver each exactly once.
import { createHash } from 'node:crypto';
import { SMTPServer } from 'smtp-server';

const REFUSE_PERCENT = Number(process.env.REFUSE_PERCENT ?? 0);
const seen = new Map();
const refusedOnce = new Set();
let delivered = 0;
let refused = 0;
const refuses = (id) => REFUSE_PERCENT > 0 && createHash('sha1').update(id).digest().readUInt32BE(0) % 100 < REFUSE_PERCENT;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 20 * 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk) => {
      if (head.length < 64 * 1024 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head.split('\r\n\r\n')[0] ?? '')?.[1] ?? '(none)';
      if (refuses(id) && !refusedOnce.has(id)) {
        refusedOnce.add(id);
        refused += 1;
        const error = new Error('Try again later');
        error.responseCode = 421;
        return callback(error);
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      delivered += 1;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.server.address().port }));
process.on('message', (message) => {
  if (message !== 'report') return;
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  process.send?.({ delivered, distinct: seen.size, duplicates, refused, ids: [...seen.keys()] });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
