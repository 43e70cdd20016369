import { expect, test } from '@playwright/test';
import { e2eSmtpPort } from '../helpers/e2e-ports';
import { startSmtpServer, type Received } from '../helpers/smtp';

/**
 * A real SMTP server on the port the e2e server mails to (playwright.config.ts), started for the spec
 * file that calls this: people get their manage link only by mail, so a spec reads it from there.
 */
export function useMailbox() {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  test.beforeAll(async () => {
    smtp = await startSmtpServer({ port: e2eSmtpPort() });
  });
  test.afterAll(async () => smtp?.close());

  const to = (address: string): Received[] => (smtp?.received ?? []).filter((mail) => mail.envelope.to.includes(address));
  return {
    to,
    /** Waits until `count` mails have reached `address` and returns them, in arrival order. */
    async waitFor(address: string, count: number): Promise<Received[]> {
      await expect.poll(() => to(address).length, { timeout: 30_000, message: `mails to ${address}` }).toBeGreaterThanOrEqual(count);
      return to(address);
    },
    /** The path of the manage link in a mail, as its reader would follow it. */
    managePath(mail: Received): string {
      const link = /https?:\/\/\S+?\/manage\/[A-Za-z0-9._~-]+/.exec(mail.parsed.text ?? '')?.[0];
      if (!link) throw new Error(`no manage link in the mail "${mail.parsed.subject}"`);
      return new URL(link).pathname;
    },
    /** The manage link of the first mail to `address` (a registration's confirmation), once it has arrived. */
    async manageLinkOf(address: string): Promise<string> {
      const [mail] = await this.waitFor(address, 1);
      return this.managePath(mail!);
    },
  };
}
