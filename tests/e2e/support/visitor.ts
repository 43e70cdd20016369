import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { contextFor } from './page-inventory';

/** A phone of 390 px with touch, its browser in a zone far from the venues unless a spec says where. */
export const phone390 = (timezoneId = 'America/Los_Angeles') => ({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId });

export type Visitor = {
  name: string;
  email: string;
  country: string;
  organisation?: string;
  participantType?: string;
  /** On site at this venue (Bangkok unless said), or following online. */
  venue?: string;
  online?: boolean;
};

/** Registers someone for the demo forum through the public API, as a partner site would; the manage link then comes by mail. */
export async function registerByApi(request: APIRequestContext, who: Visitor, slug = 'china-asean-tech-forum'): Promise<void> {
  const response = await request.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      name: who.name,
      email: who.email,
      organisation: who.organisation ?? `${who.name} Co`,
      country: who.country,
      participantType: who.participantType ?? 'enterprise',
      ...(who.online ? { mode: 'online' } : { mode: 'in_person', venue: who.venue ?? 'bangkok' }),
      consent: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** The page is no wider than the phone: nothing to scroll sideways. */
export const fitsPhone = async (page: Page, width = 390) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

/** A new page on a 390 px phone for someone not signed in, or signed in as the demo organiser. */
export async function phonePage(browser: Browser, baseURL: string, actor: 'anonymous' | 'organiser', timezoneId?: string): Promise<Page> {
  const context = await contextFor(browser, actor, 'en', baseURL, phone390(timezoneId));
  return context.newPage();
}
