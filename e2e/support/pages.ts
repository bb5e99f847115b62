import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousViolations, type Person } from './browser.ts';
import { previewPlays } from './devices.ts';

/** How long the browser tests wait for something the server or LiveKit must bring. */
export const wait = { timeout: 30_000, interval: 250 };

/**
 * Joins by link in German: presenters pass the device check (theirs starts by itself, an
 * attendee's is started), or an attendee skips it because they only watch.
 */
export async function joinByLink(person: Person, link: string, devices: 'check' | 'skip') {
  const { page } = person;
  await page.goto(link);
  await page.getByLabel('Anzeigename').fill(person.name);
  await page.getByRole('button', { name: 'Teilnehmen' }).click();
  await page.getByRole('heading', { name: 'Kamera und Mikrofon prüfen' }).waitFor(wait);
  if (devices === 'skip') {
    await page.getByRole('button', { name: 'Überspringen – ich schaue nur zu' }).click();
  } else {
    const start = page.getByRole('button', { name: 'Kamera und Mikrofon testen' });
    if (await start.count()) await start.click();
    await expect.poll(() => previewPlays(page), wait).toBe(true);
    await page.getByRole('button', { name: 'Weiter zur Veranstaltung' }).click();
  }
  await page.waitForURL(/\/e\//);
  await page.getByRole('heading', { level: 1, name: /Forum Sozialplanung/ }).waitFor(wait);
  await page.getByText('Live verbunden').waitFor(wait);
}

/** A request with the person's session (their browser context's cookies); fails on ≥ 300. */
export async function apiAs<T>(
  person: Person,
  method: 'get' | 'post' | 'patch' | 'delete',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await person.context.request[method](path, data === undefined ? {} : { data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Waits until the page's polite live region says `text`. */
export async function announced(page: Page, text: string | RegExp) {
  await page.getByRole('status').getByText(text).waitFor(wait);
}

/** A screenshot under e2e/artifacts/ and axe-core: no serious or critical violation. */
export async function checkA11y(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}
