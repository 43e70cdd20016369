import type { Page } from '@playwright/test';

// Not isMobile: mobile emulation zooms out to fit a too-wide page, and innerWidth then grows with it.
export const PHONE_360 = { viewport: { width: 360, height: 740 }, hasTouch: true, deviceScaleFactor: 2 };

export type SidewaysOverflow = { scrollWidth: number; innerWidth: number; culprits: string[] };

/** How wide the page is against the window, and the first elements that reach past its right edge. */
export function sidewaysOverflow(page: Page): Promise<SidewaysOverflow> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // What reaches past the right edge without a scrolling box of its own around it: what to fix.
    const scrollsItself = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrollsItself(el))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''} ${Math.round(el.getBoundingClientRect().right)}px`,
      )
      .slice(0, 5);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
  });
}
