// A local SMTP server in its own process that accepts everything and counts deliveries per
// Message-ID (no parsing beyond the header, so it is never the bottleneck of the drain).
// Prints its port; answers an IPC "report" with { delivered, distinct, duplicates, ids }.
import { SMTPServer } from 'smtp-server';

const seen = new Map();
let delivered = 0;
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
  process.send?.({ delivered, distinct: seen.size, duplicates, ids: [...seen.keys()] });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
