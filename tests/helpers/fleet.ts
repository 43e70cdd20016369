// A fleet as users run it: app instances on one PostgreSQL behind Debian's nginx (with the shipped
// recipe, deploy/nginx/hybrid-forum.conf, under a prefix of its own) and the mail worker as its own
// `npm run worker`. Used by tests/fault/fleet.test.ts and bench/fleet.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { actionIds } from '../e2e/support/server-actions';
import type { AppServer } from './app-process';
import { encodeReply } from './encode-reply';
import { CLOSE_AFTER_MS } from './smtp';

const root = path.resolve(import.meta.dirname, '..', '..');
export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
export const RECIPE = path.join(root, 'deploy', 'nginx', 'hybrid-forum.conf');

export function hasNginx(): boolean {
  return fs.existsSync(NGINX);
}

export type Nginx = { url: string; port: number; pid: number; stop: () => Promise<void>; errors: () => string };

/**
 * The recipe with this fleet's addresses: its `server 127.0.0.1:…` lines point at `upstreamPorts`,
 * its `listen` at `port`; everything else as shipped.
 */
export function recipeFor(port: number, upstreamPorts: number[]): string {
  const recipe = fs.readFileSync(RECIPE, 'utf8');
  const servers = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/gm;
  const first = servers.exec(recipe);
  if (!first) throw new Error('the nginx recipe lists no upstream server');
  const indent = first[1];
  const options = first[2] ?? '';
  const lines = upstreamPorts.map((p) => `${indent}server 127.0.0.1:${p}${options};`).join('\n');
  let placed = false;
  const withUpstreams = recipe.replace(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n?/gm, () => {
    if (placed) return '';
    placed = true;
    return `${lines}\n`;
  });
  const withListen = withUpstreams.replace(/^(\s*)listen \d+;$/m, `$1listen 127.0.0.1:${port};`);
  if (withListen === withUpstreams) throw new Error('the nginx recipe has no `listen <port>;` line');
  return withListen;
}

/** Starts nginx in the foreground with a prefix, pid, logs and temp directories of its own; nothing of the system's is touched. */
export async function startNginx(options: { port: number; upstreamPorts: number[] }): Promise<Nginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-nginx-'));
  for (const dir of ['logs', 'temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi'])
    fs.mkdirSync(path.join(prefix, dir), { recursive: true });
  fs.writeFileSync(path.join(prefix, 'hybrid-forum.conf'), recipeFor(options.port, options.upstreamPorts));
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 2048; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${prefix}/temp/body;`,
      `  proxy_temp_path ${prefix}/temp/proxy;`,
      `  fastcgi_temp_path ${prefix}/temp/fastcgi;`,
      `  uwsgi_temp_path ${prefix}/temp/uwsgi;`,
      `  scgi_temp_path ${prefix}/temp/scgi;`,
      `  include ${prefix}/hybrid-forum.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(
    NGINX,
    ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs', 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errors = () => {
    try {
      return output + fs.readFileSync(path.join(prefix, 'logs', 'error.log'), 'utf8');
    } catch {
      return output;
    }
  };
  const deadline = Date.now() + 10_000;
  while (!(await listening(options.port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start:\n${errors()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    pid: child.pid!,
    errors,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/api/health/live', timeout: 1000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

export type Worker = {
  pid: number;
  exited: Promise<number | string | null>;
  stop: () => Promise<void>;
  kill9: () => Promise<void>;
  output: () => string;
};

/**
 * `npm run worker` as an operator starts it, in a process group of its own so that SIGKILL reaches
 * npm, tsx and node at once. Resolves once it says it is delivering.
 */
export async function startWorker(env: Record<string, string>): Promise<Worker> {
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'worker'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve) => (ready = resolve));
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (/worker delivering/.test(output)) ready();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  await Promise.race([
    started,
    exited.then((code) => {
      throw new Error(`worker exited (${code}) before it started:\n${output}`);
    }),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`worker did not start within 60 s:\n${output}`)), 60_000)),
  ]);
  return {
    pid: child.pid!,
    exited,
    output: () => output,
    stop: async () => {
      group('SIGTERM');
      await exited;
    },
    kill9: async () => {
      group('SIGKILL');
      await exited;
    },
  };
}

export type Answer = { status: number; body: string; at: number; sentAt: number } | { error: string; at: number; sentAt: number };

/**
 * One HTTP request on a connection of its own, from a loopback address of the caller's choosing
 * (127.0.0.0/8 all reaches this machine): behind nginx each such address is a client of its own, so
 * per-client rate limits apply per address.
 */
export function send(
  url: string,
  options: { method?: string; path: string; body?: object | string; from?: string; headers?: Record<string, string>; timeoutMs?: number },
): Promise<Answer> {
  const target = new URL(url);
  const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: target.hostname,
        port: Number(target.port),
        method: options.method ?? (payload ? 'POST' : 'GET'),
        path: options.path,
        agent: false,
        localAddress: options.from,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), at: performance.now(), sentAt }),
        );
        response.on('error', (error) => resolve({ error: error.message, at: performance.now(), sentAt }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => resolve({ error: error.message, at: performance.now(), sentAt }));
    request.end(payload);
  });
}

/** The n-th client address: 127.1.x.y, never 127.0.0.1 (the machine's own). */
export function clientAddress(n: number): string {
  return `127.1.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

/** A real SMTP sink that records each accepted message's Message-ID and can stop answering (hold) after a number of them. */
export async function startSink() {
  const accepted: { messageId: string; to: string }[] = [];
  let holdFrom = Number.POSITIVE_INFINITY;
  let held = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: CLOSE_AFTER_MS,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Holding: the message is never answered, so never accepted; the sender waits.
        if (accepted.length >= holdFrom) {
          held += 1;
          return;
        }
        const head =
          Buffer.concat(chunks)
            .toString('utf8')
            .split(/\r?\n\r?\n/)[0] ?? '';
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '(none)';
        for (const to of session.envelope.rcptTo) accepted.push({ messageId, to: to.address });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    accepted,
    holdAfter: (n: number) => {
      holdFrom = n;
    },
    release: () => {
      holdFrom = Number.POSITIVE_INFINITY;
    },
    held: () => held,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Sink = Awaited<ReturnType<typeof startSink>>;

/** Signs in with a password as a browser does with next-auth; returns the Cookie header to send. */
export async function signIn(server: AppServer, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${server.url}/api/auth/callback/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/admin', json: 'true' }).toString(),
  });
  keep(answer);
  return header();
}

/** The organiser's "Publish" on the programme admin page of one instance, as the browser posts it (the server action). */
export async function publishOn(server: AppServer, eventSlug: string, cookies: string): Promise<Answer> {
  const id = actionIds().get('app/[locale]/admin/events/[slug]/agenda/actions.ts#publishAgendaAction');
  if (!id) throw new Error('the build has no publishAgendaAction');
  return send(server.url, {
    path: `/en/admin/events/${eventSlug}/agenda`,
    body: (await encodeReply([eventSlug])) as string,
    headers: { cookie: cookies, 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
  });
}

/** Milliseconds from `since` until the instance's programme page (English) contains `text`; Infinity after `timeoutMs`. */
export async function msUntilProgrammeShows(
  server: AppServer,
  eventSlug: string,
  text: string,
  since: number,
  timeoutMs = 5_000,
): Promise<number> {
  for (;;) {
    const answer = await send(server.url, { path: `/events/${eventSlug}/agenda`, headers: { cookie: 'hf_locale=en' } });
    if ('body' in answer && answer.body.includes(text)) return Math.round(performance.now() - since);
    if (performance.now() - since > timeoutMs) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
