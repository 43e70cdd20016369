import { expect, test } from '@playwright/test';
import { seededIds } from './support/page-inventory';

/**
 * What a screen reader user navigates by: landmarks and headings in the order of the programme, and
 * every session time read together with its zone.
 */
test('the programme is a heading per venue and day, each a named region, in order, and every time carries its zone', async ({ page }) => {
  const ids = seededIds();
  await page.goto(`/events/${ids.slug}/agenda`);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

  const regions = page.getByRole('main').getByRole('region');
  const count = await regions.count();
  expect(count).toBeGreaterThan(3);
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    const region = regions.nth(i);
    const heading = region.getByRole('heading', { level: 2 });
    await expect(heading).toHaveCount(1);
    const name = (await heading.textContent())!.replace(/\s+/g, ' ').trim();
    // "Nanning · Wed, 30 Dec (Asia/Shanghai)": venue, day and zone in the heading that names the region.
    expect(name).toMatch(/^.+ · .+\d.+\([A-Za-z_]+\/[A-Za-z_]+\)$/);
    await expect(region).toHaveAccessibleName(name);
    seen.push(name);
    const sessions = region.getByRole('listitem');
    expect(await sessions.count()).toBeGreaterThan(0);
    for (const time of await region.locator('li time').all()) {
      expect((await time.textContent())!.replace(/\s+/g, ' ')).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}.* GMT[+-]\d{1,2}/);
    }
    // The time comes before the session's own heading, so the title is read after when.
    const first = sessions.first();
    const order = await first.evaluate((li) => {
      const time = li.querySelector('time');
      const h3 = li.querySelector('h3');
      return time && h3 ? time.compareDocumentPosition(h3) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
  }
  // Venues stay together and their days run forward.
  const venues = seen.map((name) => name.split(' · ')[0]);
  expect(venues).toEqual([...venues].sort((a, b) => venues.indexOf(a!) - venues.indexOf(b!)));
});

test('form results and check-in outcomes are announced by live regions', async ({ page }) => {
  const ids = seededIds();
  await page.goto(`/events/${ids.slug}/register`);
  await page.locator('form button[type=submit]').click();
  // Each field error is an alert, so it is read out as it appears.
  await expect(page.locator('#name-error')).toHaveAttribute('role', 'alert');
  await expect(page.locator('#name-error')).not.toBeEmpty();
});
