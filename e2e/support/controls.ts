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

/** A bar button as assistive technology names it, with its size (the row only, not notices). */
export interface BarButton {
  name: string;
  pressed: string | null;
  width: number;
  height: number;
  inside: boolean;
}

/**
 * The buttons under `selector` (the bar's row by default) with their accessible names: aria-label,
 * else their text without aria-hidden parts (visually hidden text counts, as for a screen reader).
 */
export function barButtons(page: Page, selector = '.control-bar-buttons'): Promise<BarButton[]> {
  return page.evaluate((root) => {
    const textOf = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
      return [...node.childNodes].map(textOf).join('');
    };
    const { innerWidth, innerHeight } = window;
    const buttons = [...document.querySelectorAll<HTMLElement>(`${root} button`)];
    return buttons.map((button) => {
      const box = button.getBoundingClientRect();
      return {
        name: (button.getAttribute('aria-label') ?? textOf(button)).replace(/\s+/g, ' ').trim(),
        pressed: button.getAttribute('aria-pressed'),
        width: box.width,
        height: box.height,
        inside:
          box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      };
    });
  }, selector);
}
