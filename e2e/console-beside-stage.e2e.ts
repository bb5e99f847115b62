import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  launchChromium,
  moderateOrWorse,
  openPerson,
  screenshot,
  type Person,
} from './support/browser.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';
import { apiAs, joinByLink, wait } from './support/pages.ts';

/**
 * The organizer console as its own view beside a small live stage and the chat; the audit log
 * in words, live; logging out asks first, and the invitation link signs in again; the join page
 * says when, what and who, and links the operator's privacy notice and imprint.
 */
const operator = {
  OPERATOR_NAME: 'Landkreis Beispiel',
  PRIVACY_URL: 'https://datenschutz.example.org/plenum',
  IMPRINT_URL: 'https://impressum.example.org/plenum',
};

let server: E2eServer;
let browser: Browser;
let olga: Person;
let anna: Person;
let annaLink: string;

/** axe-core's violations of moderate impact or worse: the brief asks for none of them. */
const moderateOrWorseOn = (page: Page) => axeViolations(page, moderateOrWorse);

/** Screenshots at 1366×768 and 360 px wide, and axe at both widths. */
async function atBothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, `${name}-1366`);
  expect(await moderateOrWorseOn(page), `${name} 1366`).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    await screenshot(page, `${name}-360`);
    expect(await moderateOrWorseOn(page), `${name} 360`).toEqual([]);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(360);
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 });
  }
}

describe('the console beside the stage, sessions and the join page', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    buildClientIfStale();
    server = await startE2eServer(operator);
    browser = await launchChromium();
    olga = await openPerson(browser, 'Olga Organisatorin', server.url);
    anna = await openPerson(browser, 'Anna Arnsberg', server.url);
    for (const person of [olga, anna])
      await person.page.setViewportSize({ width: 1366, height: 768 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the join page says when, what and who, what the e-mail is for, and links privacy and imprint', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    annaLink = await server.invite('attendee');
    const { page } = anna;
    await page.goto(annaLink);
    await page.getByRole('heading', { level: 1, name: /Forum Sozialplanung/ }).waitFor(wait);
    await page.getByText('Zweitägiges Fachforum zur kommunalen Sozialplanung').waitFor();
    // The date in the event's time zone, and who invites.
    await page.locator('.join-facts time').first().waitFor();
    await page.getByText('Olga Organisatorin').waitFor();
    const notice = page.getByRole('region', { name: 'Datenschutz' });
    await notice.getByText(/Verantwortlich.*Landkreis Beispiel/).waitFor();
    await notice.getByText(/E-Mail-Adresse ist freiwillig/).waitFor();
    await notice.getByText(/Recht auf Auskunft/).waitFor();
    for (const [name, href] of [
      ['Datenschutzerklärung', operator.PRIVACY_URL],
      ['Impressum', operator.IMPRINT_URL],
    ]) {
      await expect(notice.getByRole('link', { name }).getAttribute('href')).resolves.toBe(href);
      // The same in every page's footer.
      await expect(
        page.getByRole('contentinfo').getByRole('link', { name }).getAttribute('href'),
      ).resolves.toBe(href);
    }
    await atBothWidths(page, 'join-page-details');
  });

  it('shows the console as its own view, with a small stage and the chat beside it', async () => {
    const { page } = olga;
    await page.getByRole('link', { name: 'Organisationskonsole öffnen' }).click();
    await page.waitForURL(/\/e\/[^/]+\/console$/);
    await page.getByRole('tablist', { name: 'Bereiche der Organisationskonsole' }).waitFor(wait);
    const side = page.getByRole('complementary', { name: 'Bühne und Chat' });
    const stage = side.locator('.console-stage .stage');
    await stage.waitFor(wait);
    const chat = side.getByRole('textbox', { name: /Nachricht/ });
    await chat.waitFor(wait);
    const consoleBox = (await page.locator('.console').boundingBox())!;
    const stageBox = (await stage.boundingBox())!;
    const chatBox = (await chat.boundingBox())!;
    // Beside, not below: the stage starts right of the console, within the first screen.
    expect(stageBox.x).toBeGreaterThanOrEqual(consoleBox.x + consoleBox.width - 1);
    expect(stageBox.y + stageBox.height).toBeLessThanOrEqual(768);
    expect(chatBox.x).toBeGreaterThanOrEqual(consoleBox.x + consoleBox.width - 1);
    expect(stageBox.width).toBeLessThan(1366 / 2);
    await atBothWidths(page, 'console-beside-stage');
  });

  it('an audit row in words appears live after an action, without reloading', async () => {
    const { page } = olga;
    await page.getByRole('tab', { name: 'Protokoll' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Protokoll' });
    await panel.getByRole('table').waitFor(wait);
    await apiAs(olga, 'post', `/api/events/${server.slug}/rooms`, { name: 'AG Live' });
    await panel
      .getByRole('cell', { name: 'Olga Organisatorin hat AG Live angelegt' })
      .waitFor({ timeout: 25_000 });
    const csv = await olga.context.request.get(
      (await panel
        .getByRole('link', { name: 'Protokoll als CSV-Datei herunterladen' })
        .getAttribute('href'))!,
    );
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Olga Organisatorin;room.create;AG Live;');
    await atBothWidths(page, 'console-audit-in-words');
  });

  it('asks before logging out, and the invitation link signs in again afterwards', async () => {
    const { page } = anna;
    await page.getByLabel('Anzeigename').fill(anna.name);
    await page.getByRole('button', { name: 'Teilnehmen' }).click();
    await page.getByRole('button', { name: 'Überspringen – ich schaue nur zu' }).click();
    await page.waitForURL(/\/e\//);
    await page.getByText('Live verbunden').waitFor(wait);
    // "Start" leads back to the event, not away from it.
    await expect(
      page.getByRole('navigation').getByRole('link', { name: 'Start' }).getAttribute('href'),
    ).resolves.toBe(`/e/${server.slug}`);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abmelden?' });
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toBe(
      'Abbrechen',
    );
    await atBothWidths(page, 'logout-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Live verbunden').waitFor();

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await dialog.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(annaLink);
    await page.getByLabel('Anzeigename').fill(anna.name);
    await page.getByRole('button', { name: 'Teilnehmen' }).click();
    await page.getByRole('button', { name: 'Überspringen – ich schaue nur zu' }).click();
    await page.waitForURL(/\/e\//);
    await page.getByRole('heading', { level: 1, name: /Forum Sozialplanung/ }).waitFor(wait);
    await expect(page.getByText('Nicht angemeldet').count()).resolves.toBe(0);
  });
});
