import type { Page } from 'playwright-core';
import { axeViolations, moderateOrWorse } from './browser.ts';

/**
 * The control bar as a person meets it: every button inside the window without scrolling, and
 * axe-core on chosen parts of the page counting moderate findings too.
 */

/** The bar's buttons that are not fully inside the viewport, described; [] when all fit. */
export function barButtonsOutsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { innerWidth: width, innerHeight: height } = window;
    const buttons = [...document.querySelectorAll<HTMLElement>('.control-bar button')];
    if (buttons.length === 0) return ['no button in the control bar'];
    return buttons.flatMap((button) => {
      const box = button.getBoundingClientRect();
      const inside =
        box.width > 0 &&
        box.height > 0 &&
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= width &&
        box.bottom <= height;
      return inside
        ? []
        : [`${button.textContent?.trim()}: ${box.left},${box.top} ${box.width}×${box.height}`];
    });
  });
}

/** axe-core on the parts matching `selectors` (those present): moderate findings count too. */
export const violationsIn = (page: Page, selectors: string[]) =>
  axeViolations(page, moderateOrWorse, selectors);
