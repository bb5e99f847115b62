import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPerson, screenshot, type Person } from './support/browser.ts';
import { previewPlays } from './support/devices.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';
import { apiAs, checkA11y, joinByLink, wait } from './support/pages.ts';
import { violationsIn } from './support/controls.ts';

/**
 * The stage shows who speaks (issue 14 §2), in Chromium against the real LiveKit: the organizer
 * speaks with her camera off, the speaker shows video; the attendee's main tile is the speaker,
 * not the organizer's initials. Then a pin for oneself, the spotlight for everyone (kept over a
 * reload), and a phone's main tile.
 */
let server: E2eServer;
let browser: Browser;
let olga: Person; // organizer: microphone on, camera off
let sam: Person; // speaker: camera on
let anna: Person; // attendee, watches
const ids: Record<string, string> = {};

/** Joins by link and leaves the device check with exactly the switches named. */
async function joinWith(person: Person, link: string, switchOn: ('Mikrofon' | 'Kamera')[]) {
  const { page } = person;
  await page.goto(link);
  await page.getByLabel('Anzeigename').fill(person.name);
  await page.getByRole('button', { name: 'Teilnehmen' }).click();
  await page.getByRole('heading', { name: 'Kamera und Mikrofon prüfen' }).waitFor(wait);
  const start = page.getByRole('button', { name: 'Kamera und Mikrofon testen' });
  if (await start.count()) await start.click();
  await expect.poll(() => previewPlays(page), wait).toBe(true);
  for (const device of switchOn) {
    const toggle = page.getByRole('button', { name: `Mit ${device} eintreten` });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }
  await page.getByRole('button', { name: 'Weiter zur Veranstaltung' }).click();
  await page.waitForURL(/\/e\//);
  await page.getByText('Live verbunden').waitFor(wait);
}

async function personId(person: Person): Promise<string> {
  return (await apiAs<{ person: { id: string } }>(person, 'get', '/api/me')).person.id;
}

/** The stage's main tile as the page shows it: "<person id>:<source>" and why. */
async function mainOf(page: Page): Promise<string> {
  return (await page.locator('.stage-view').getAttribute('data-main')) ?? '';
}
async function reasonOf(page: Page): Promise<string> {
  return (await page.locator('.stage-view').getAttribute('data-reason')) ?? '';
}

/** Opens the menu of the named person's tile and presses one of its buttons. */
async function tileAction(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Optionen für ${name}` }).click();
  await page.getByRole('button', { name: action, exact: true }).click();
}

async function stageViolations(page: Page) {
  return violationsIn(page, ['.stage-view']);
}

beforeAll(async () => {
  buildClientIfStale();
  server = await startE2eServer();
  browser = await launchChromium();
  olga = await openPerson(browser, 'Olga Organisatorin', server.url);
  sam = await openPerson(browser, 'Sami Sprecher', server.url);
  anna = await openPerson(browser, 'Anna Arnsberg', server.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the stage shows who speaks', { timeout: 180_000 }, () => {
  it('the speaker with video is the main tile, not the organizer with her camera off', async () => {
    await joinWith(olga, await server.invite('organizer'), ['Mikrofon']);
    await joinWith(sam, await server.invite('speaker'), ['Kamera']);
    await joinByLink(anna, await server.invite('attendee'), 'skip');
    for (const p of [olga, sam, anna]) ids[p.name] = await personId(p);
    const samTile = `${ids[sam.name]}:camera`;

    await anna.page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => mainOf(anna.page), wait).toBe(samTile);
    // The organizer's tile is there, small and beside, without video.
    const olgaTile = anna.page.locator(`.stage-tile[data-identity="${ids[olga.name]}"]`);
    await olgaTile.waitFor(wait);
    expect(await olgaTile.getAttribute('data-video')).toBe('off');
    expect(await olgaTile.getAttribute('class')).toContain('stage-tile-side');
    // Even while she speaks (the fake microphone beeps), the main tile stays the video.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await mainOf(anna.page)).toBe(samTile);
    expect(await mainOf(sam.page)).not.toBe(`${ids[olga.name]}:camera`);
    // No connection badge on every tile: an icon only where the connection is poor.
    expect(await anna.page.locator('.stage-view').getByText('Verbindung gut').count()).toBe(0);
    await checkA11y(anna.page, 'stage-1366-speaker-main');
    expect(await stageViolations(anna.page)).toEqual([]);
  });

  it('a pin for oneself puts that person on one’s own main tile only', async () => {
    await tileAction(anna.page, olga.name, 'Für mich anheften');
    await expect.poll(() => mainOf(anna.page), wait).toBe(`${ids[olga.name]}:camera`);
    expect(await reasonOf(anna.page)).toBe('pinned');
    await anna.page.getByText(`Von Ihnen angeheftet: ${olga.name}`).waitFor(wait);
    expect(await mainOf(sam.page)).not.toBe(`${ids[olga.name]}:camera`);
    await screenshot(anna.page, 'stage-1366-pinned');
    await anna.page.getByRole('button', { name: 'Anheften lösen' }).click();
    await expect.poll(() => mainOf(anna.page), wait).toBe(`${ids[sam.name]}:camera`);
  });

  it('the spotlight for everyone reaches everyone, and a reloading attendee too', async () => {
    // The organizer's tile menu offers what only staff may do; the attendee's does not.
    await anna.page.getByRole('button', { name: `Optionen für ${sam.name}` }).click();
    expect(await anna.page.getByRole('button', { name: 'Für alle hervorheben' }).count()).toBe(0);
    await anna.page.keyboard.press('Escape');

    await tileAction(olga.page, sam.name, 'Für alle hervorheben');
    await tileAction(olga.page, olga.name, 'Für alle hervorheben');
    for (const page of [anna.page, sam.page, olga.page]) {
      await expect.poll(() => mainOf(page), wait).toBe(`${ids[olga.name]}:camera`);
      expect(await reasonOf(page)).toBe('spotlight');
    }
    await anna.page.getByText(`Für alle hervorgehoben: ${olga.name}`).waitFor(wait);
    await anna.page.reload();
    await anna.page.getByText('Live verbunden').waitFor(wait);
    await expect.poll(() => mainOf(anna.page), wait).toBe(`${ids[olga.name]}:camera`);
    expect(await reasonOf(anna.page)).toBe('spotlight');
    await screenshot(anna.page, 'stage-1366-spotlight');
    expect(await stageViolations(anna.page)).toEqual([]);

    await olga.page.getByRole('button', { name: 'Hervorhebung für alle beenden' }).click();
    await expect.poll(() => mainOf(anna.page), wait).toBe(`${ids[sam.name]}:camera`);
  });

  it('a sign-language interpreter the organizer marks stays beside the main tile for everyone', async () => {
    await tileAction(olga.page, sam.name, 'Als Gebärdensprachdolmetschung zeigen');
    const samTile = anna.page.locator(`.stage-tile[data-identity="${ids[sam.name]}"]`);
    await expect
      .poll(() => samTile.getAttribute('class'), wait)
      .toContain('stage-tile-interpreter');
    await anna.page.getByText('Gebärdensprache').first().waitFor(wait);
    // Never made main by the rules themselves: the main tile is someone else.
    expect(await mainOf(anna.page)).not.toBe(`${ids[sam.name]}:camera`);
    await screenshot(anna.page, 'stage-1366-interpreter');
    expect(await stageViolations(anna.page)).toEqual([]);
    await tileAction(olga.page, sam.name, 'Nicht mehr als Gebärdensprachdolmetschung zeigen');
    await expect.poll(() => mainOf(anna.page), wait).toBe(`${ids[sam.name]}:camera`);
  });

  it('on a phone the main tile takes at least 60 % of the width; fullscreen is a labelled button', async () => {
    await anna.page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => mainOf(anna.page), wait).toBe(`${ids[sam.name]}:camera`);
    const main = await anna.page.locator('.stage-tile-main .stage-tile-media').boundingBox();
    expect(main).not.toBeNull();
    console.log(`main tile at 360×740: ${main!.width.toFixed(0)}×${main!.height.toFixed(0)} px`);
    expect(main!.width).toBeGreaterThanOrEqual(0.6 * 360);
    expect(main!.height).toBeGreaterThanOrEqual(100);
    const side = await anna.page
      .locator('.stage-tile-side .stage-tile-media')
      .first()
      .boundingBox();
    expect(side!.height).toBeGreaterThanOrEqual(50);
    // Names sit below the tiles, not over them.
    const caption = await anna.page.locator('.stage-tile-main .stage-tile-caption').boundingBox();
    expect(caption!.y).toBeGreaterThanOrEqual(main!.y + main!.height - 1);
    await anna.page.getByRole('button', { name: 'Vollbild' }).waitFor(wait);
    await checkA11y(anna.page, 'stage-360-speaker-main');
    expect(await stageViolations(anna.page)).toEqual([]);

    // Fullscreen by keyboard on the stage, and back.
    await anna.page.getByRole('button', { name: 'Vollbild' }).focus();
    await anna.page.keyboard.press('Enter');
    await expect
      .poll(() => anna.page.evaluate(() => document.fullscreenElement?.className ?? ''), wait)
      .toContain('stage-view');
    await anna.page.getByRole('button', { name: 'Vollbild beenden' }).click();
    await expect
      .poll(() => anna.page.evaluate(() => document.fullscreenElement === null), wait)
      .toBe(true);
  });
});
