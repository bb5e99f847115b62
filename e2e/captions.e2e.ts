import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPerson, type Person } from './support/browser.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';
import { checkA11y, joinByLink, wait } from './support/pages.ts';

/**
 * Live captions and reactions in a real browser: a captioner joins by their own link and types
 * into the plenary; an attendee switches captions on, makes them large, sees the line while it
 * is typed and hears the committed one through a polite live region, switches them off again;
 * her applause floats over the captioner's stage. axe-core on each screen.
 */
let server: E2eServer;
let browser: Browser;
let clara: Person;
let anna: Person;

describe('captions and reactions in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    buildClientIfStale();
    server = await startE2eServer();
    browser = await launchChromium();
    clara = await openPerson(browser, 'Clara Schrift', server.url);
    anna = await openPerson(browser, 'Anna Arnsberg', server.url);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a captioner and an attendee in', async () => {
    await joinByLink(clara, await server.invite('captioner'), 'skip');
    await joinByLink(anna, await server.invite('attendee'), 'skip');
  });

  it('an attendee sees captions as they are typed, large, and hears the finished line', async () => {
    const captions = anna.page.getByRole('region', { name: 'Untertitel' });
    const toggle = captions.getByRole('button', { name: 'Untertitel' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await captions.getByRole('radio', { name: 'Groß' }).check();

    const line = clara.page.getByLabel('Untertitel-Zeile');
    await line.waitFor(wait);
    await checkA11y(clara.page, 'captions-captioner');
    await line.pressSequentially('Guten Morgen zusammen', { delay: 40 });
    await captions.locator('.captions-l').getByText('Guten Morgen zusammen').waitFor(wait);
    await line.press('Enter');
    await captions
      .locator('[aria-live="polite"]')
      .getByText('Guten Morgen zusammen')
      .waitFor({ ...wait, state: 'attached' });
    expect(await line.inputValue()).toBe('');
    await checkA11y(anna.page, 'captions-on');

    await toggle.click();
    await captions.locator('.captions-box').waitFor({ ...wait, state: 'detached' });
  });

  it('an attendee’s applause floats over the stage of everyone in the room', async () => {
    await anna.page.getByRole('button', { name: 'Reaktionen' }).click();
    await anna.page.getByRole('button', { name: 'Applaus senden' }).click();
    await clara.page.locator('.reaction-bubble').first().waitFor(wait);
    await checkA11y(anna.page, 'reactions-menu');
    // A captioner types and does not react: no menu for her.
    expect(await clara.page.getByRole('button', { name: 'Reaktionen' }).count()).toBe(0);
  });
});
