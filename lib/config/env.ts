import { z } from 'zod';

/** A configuration problem, reported at start-up as one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Whether a process with this environment opens the embedded database (PGlite): DATABASE_URL unset or
 * blank. The server's own start command (scripts/serve-command.ts) decides by it before any parsing.
 */
export function usesEmbeddedDatabase(source: Record<string, string | undefined>): boolean {
  return blankToUndefined(source.DATABASE_URL) === undefined;
}

/** A whole number from `min` to `max` (`fallback` when unset), refused with one message whatever is wrong. */
const wholeNumber = (min: number, max: number, fallback: number, message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback));

const envSchema = z.object({
  PORT: wholeNumber(1, 65535, 3000, 'must be a port number from 1 to 65535'),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./.data')),
  SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^([^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address like "Forum <forum@example.org>"')
      .default('Hybrid Forum <no-reply@hybrid-forum.local>'),
  ),
  MAIL_WORKER: z.preprocess(blankToUndefined, z.enum(['in-app', 'off'], { error: 'must be "in-app" or "off"' }).default('in-app')),
  MAIL_CONCURRENCY: wholeNumber(1, 64, 4, 'must be a whole number from 1 to 64'),
  APP_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  PASSPORT_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
      .optional(),
  ),
  AUTH_SECRET: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  TRUST_PROXY_HOPS: wholeNumber(0, 10, 0, 'must be a whole number from 0 to 10'),
  METRICS_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  // Space-separated origins (https://cdn.example.com) the join page's player may load streams from.
  STREAM_ORIGINS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((v) => v.split(/\s+/).filter(Boolean))
      .pipe(
        z.array(
          z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'must be origins like https://cdn.example.com, separated by spaces'),
        ),
      )
      .optional(),
  ),
});

export type AppEnv = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** "off" when mail is delivered by separate `npm run worker` processes instead of the app. */
  mailWorker: 'in-app' | 'off';
  /** Mails a worker sends at once, each on its own pooled SMTP connection: what the relay allows one client. */
  mailConcurrency: number;
  appUrl: string;
  /** Undefined only in embedded mode, where lib/auth/secret.ts generates and stores one. */
  authSecret: string | undefined;
  /** 32 bytes in base64 that seal passport details (lib/visa/passport-crypto.ts); derived from the app secret when unset. */
  passportKey: string | undefined;
  embedded: boolean;
  /** Proxies of ours in front of the app, whose X-Forwarded-For entries are believed (lib/security/client-address.ts). */
  trustProxyHops: number;
  /** Bearer token that opens /metrics to other hosts; without it only the local machine may read it. */
  metricsToken: string | undefined;
  /** Where the join page's HLS player may fetch from (its Content-Security-Policy); `https:` (any HTTPS origin) when unset. */
  streamOrigins: string[];
};

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, issue.message.replace(/^Invalid input: /, 'is invalid: '));
  }
  const env = result.data;
  if (env.DATABASE_URL && !env.AUTH_SECRET) {
    throw new ConfigError('AUTH_SECRET', 'is required when DATABASE_URL is set (at least 32 characters)');
  }
  return {
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    mailWorker: env.MAIL_WORKER,
    mailConcurrency: env.MAIL_CONCURRENCY,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    authSecret: env.AUTH_SECRET,
    passportKey: env.PASSPORT_KEY,
    embedded: usesEmbeddedDatabase(source),
    trustProxyHops: env.TRUST_PROXY_HOPS,
    metricsToken: env.METRICS_TOKEN,
    streamOrigins: env.STREAM_ORIGINS ?? ['https:'],
  };
}

let cached: AppEnv | undefined;

/** The validated configuration of this process, read once. */
export function appEnv(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
