import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

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

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core on the parts matching `selectors`: serious, critical and moderate violations. */
export async function violationsIn(page: Page, selectors: string[]): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    interface Violation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }
    const axe = (
      window as unknown as {
        axe: { run: (ctx: object, opts: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const present = include.filter((s) => document.querySelector(s));
    if (present.length === 0) return [];
    const result = await axe.run(
      { include: present.map((s) => [s]) },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
  }, selectors);
}
