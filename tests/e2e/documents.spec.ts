// The documents people download from their manage page, read back from the PDF: a visa invitation
// letter (asked for with a Thai passport name, issued by an organiser on the register page, mailed,
// then downloaded) and a certificate of attendance after a forum (a Chinese name, the page in
// Chinese). The PDF text is extracted with unpdf (pdf.js), so the names must be real text in
// embedded fonts, not pictures of it.
import fs from 'node:fs';
import { type Download, expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';
import { PAST_ATTENDEE, PAST_EVENT } from './fixtures';
import { useMailbox } from './mailbox';
import { contextFor, seededIds } from './support/page-inventory';

const mailbox = useMailbox();

/** A small PNG (grey, no alpha), made here rather than read from a fixture file. */
function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(180);
  return PNG.sync.write(image, { colorType: 2, inputHasAlpha: true });
}

test('an organiser writes the letter body with placeholders, uploads a letterhead (a text file is refused) and picks the badge layout', async ({
  browser,
  baseURL,
}) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/documents`);
  const form = page.getByTestId('letter-template-form');
  await form
    .getByLabel('Letter body (empty: the built-in wording) (English)')
    .fill('We invite {name}, passport {passportNumber}, to {forum}.\n\nReference {reference}.');
  await form.getByRole('button', { name: 'Save the letter' }).click();
  await expect(page.getByTestId('letter-template-notice')).toContainText('The letter body was saved.');

  const letterhead = page.getByTestId('document-image-letterhead');
  await letterhead
    .getByLabel('Letterhead (top of the letter)')
    .setInputFiles({ name: 'letterhead.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all, only text') });
  await letterhead.getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('p.notice.bad')).toContainText('Choose a PNG or JPEG image.');
  await page
    .getByTestId('document-image-letterhead')
    .getByLabel('Letterhead (top of the letter)')
    .setInputFiles({ name: 'letterhead.png', mimeType: 'image/png', buffer: png(600, 80) });
  await page.getByTestId('document-image-letterhead').getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('p.notice.ok')).toContainText('The image was uploaded.');
  await expect(page.getByTestId('document-image-letterhead').getByRole('img')).toBeVisible();

  await page.getByLabel('Large name: readable across a hall, smaller QR code').check();
  await page.getByRole('button', { name: 'Save the layout' }).click();
  await expect(page.locator('p.notice.ok')).toContainText('The badge layout was saved.');
  await expect(page.getByLabel('Large name: readable across a hall, smaller QR code')).toBeChecked();
  await context.close();
});

async function pdfText(download: Download): Promise<string> {
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

test('a registrant asks for a visa letter with a Thai passport name; an organiser issues it; the mail links the page; the PDF holds the name and reference', async ({
  browser,
  baseURL,
  request,
}) => {
  const ids = seededIds();
  const suffix = Date.now().toString(36).slice(-4);
  const email = `visa.${suffix}@nstda.example`;
  const name = `สมหญิง รักไทย ${suffix}`;
  const passportName = `สมหญิง รักไทย`;
  const response = await request.post(`/api/v1/events/${ids.slug}/registrations`, {
    data: {
      name,
      email,
      organisation: 'NSTDA',
      country: 'TH',
      participantType: 'research_institute',
      mode: 'in_person',
      venue: 'bangkok',
      consent: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const [confirmation] = await mailbox.waitFor(email, 1);
  const managePath = mailbox.managePath(confirmation!);

  const attendee = await contextFor(browser, 'anonymous', 'en', baseURL!, { acceptDownloads: true });
  const page = await attendee.newPage();
  await page.goto(managePath);
  const section = page.getByTestId('visa-letter');
  await section.getByLabel('Name as in passport').fill(passportName);
  await section.getByLabel('Nationality').selectOption('TH');
  await section.getByLabel('Passport number').fill(`AA${suffix.toUpperCase()}123`.replace(/[^A-Z0-9]/g, '').slice(0, 12));
  await section.getByLabel('Date of birth').fill('1990-04-13');
  await section.getByLabel('Passport expiry date').fill('2033-04-12');
  await section.getByRole('button', { name: 'Ask for the letter' }).click();
  await expect(section.getByTestId('visa-status')).toContainText('waiting for an organiser');

  const organiser = await contextFor(browser, 'organiser', 'en', baseURL!);
  const admin = await organiser.newPage();
  await admin.goto(`/admin/events/${ids.slug}/visa-letters`);
  const row = admin.getByTestId('visa-letters').getByRole('row').filter({ hasText: email });
  await expect(row).toContainText(passportName);
  await row.getByRole('button', { name: 'Issue letter' }).click();
  await expect(admin.getByRole('status')).toContainText('The letter was issued');
  const issuedRow = admin.getByTestId('visa-letters').getByRole('row').filter({ hasText: email });
  const reference = /HF-\d{4}-\d{4}/.exec((await issuedRow.textContent())!)?.[0];
  expect(reference).toBeTruthy();
  await organiser.close();

  // The mail says it is issued, with the reference and the registrant's own page.
  const mails = await mailbox.waitFor(email, 2);
  const issuedMail = mails.find((m) => m.parsed.subject?.includes('invitation letter'));
  expect(issuedMail?.parsed.text).toContain(`Reference ${reference}`);
  expect(mailbox.managePath(issuedMail!)).toBe(managePath);

  await page.reload();
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('visa-download').click()]);
  expect(download.suggestedFilename()).toBe(`invitation-${reference}.pdf`);
  const text = await pdfText(download);
  // The organiser's body (the test above), its placeholders filled, under the uploaded letterhead.
  expect(text.replace(/\s+/g, ' ')).toContain(`We invite ${passportName}, passport`);
  expect(text).toContain('Letter of invitation');
  expect(text).toContain(`Reference ${reference}.`);
  // Its verification URL, followed, says the letter is valid and names the holder.
  const verify = /\/verify\/letter\/\S+/.exec(text.slice(text.indexOf('/verify/letter/')).replace(/\s/g, ''))?.[0];
  expect(verify).toBeTruthy();
  await page.goto(verify!);
  await expect(page.locator('main')).toContainText(passportName);
  await attendee.close();
});

test('after the forum, a checked-in attendee downloads the certificate from the manage page in Chinese; the PDF holds the Chinese name', async ({
  browser,
  baseURL,
}) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'anonymous', 'zh', baseURL!, { acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(ids.pastManagePath);
  const section = page.getByTestId('certificate');
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: '下载参会证明（PDF）' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^certificate-[0-9A-Z]+\.pdf$/);
  const text = await pdfText(download);
  expect(text).toContain(PAST_ATTENDEE);
  // The verification URL is one line (the certificate shrinks it to fit), the short code's line follows it.
  const verify = /\/verify\/certificate\/\S+/.exec(text)?.[0];
  expect(verify).toBeTruthy();
  await page.goto(verify!);
  await expect(page.locator('main')).toContainText(PAST_ATTENDEE);
  await context.close();
});

test('after the forum, its organiser sends the certificates by mail in one action; the attendee gets one mail with the link; pressed again, nobody twice', async ({
  browser,
  baseURL,
}) => {
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto(`/admin/events/${PAST_EVENT}/documents`);
  const form = page.getByTestId('send-certificates');
  await expect(form.getByTestId('certificate-counts')).toHaveText('1 checked-in attendees not yet mailed; 0 already mailed.');
  await form.getByRole('button', { name: 'Send certificates' }).click();
  await expect(page.getByText('1 certificate mail was queued.')).toBeVisible();
  await expect(page.getByTestId('certificate-counts')).toHaveText('0 checked-in attendees not yet mailed; 1 already mailed.');
  // The attendee registered in Chinese: one mail in Chinese, with the link to the PDF and the verification URL.
  const certificateMails = () => mailbox.to('li.minghua@past-forum.test').filter((m) => m.parsed.subject?.includes('参会证明'));
  await expect.poll(() => certificateMails().length, { timeout: 30_000 }).toBe(1);
  const text = certificateMails()[0]!.parsed.text ?? '';
  expect(text).toMatch(/\/manage\/[^/\s]+\/certificate\.pdf/);
  expect(text).toContain('/verify/certificate/');
  await page.getByTestId('send-certificates').getByRole('button', { name: 'Send certificates' }).click();
  await expect(page.getByText('Nobody was left to mail.')).toBeVisible();
  expect(certificateMails()).toHaveLength(1);
  await context.close();
});
