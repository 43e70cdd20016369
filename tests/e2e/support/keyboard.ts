import { expect, type Locator, type Page } from '@playwright/test';

/** Describes the focused element and whether a sighted keyboard user can see where focus is. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: 'body', visible: false };
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== 'none';
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40) || (el as HTMLInputElement).name || ''}"`;
    return { what, visible: outlined || shadowed };
  });
}

export async function expectVisibleFocus(page: Page) {
  const state = await focusState(page);
  expect(state.visible, `focus is visible on ${state.what}`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking on every stop that the focus can be
 * seen. Fails when the target is not reached: it cannot be reached by keyboard.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
  }
  throw new Error(`could not reach ${target} with the keyboard in ${max} presses`);
}

export async function expectFocused(target: Locator, message?: string) {
  await expect(target, message).toBeFocused();
}
