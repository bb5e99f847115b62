import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPerson, screenshot, type Person } from './support/browser.ts';
import { announced, checkA11y, joinByLink, wait } from './support/pages.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';

/**
 * The gaps of the live day's people list and pages (#14 §4, §6): the event's own privacy notice
 * and imprint win over the instance's on the join page and in every footer; the people list
 * marks whose microphone LiveKit reports on (not who may speak); the organizer marks a
 * sign-language interpreter there; a moderator is not offered what the server refuses; a tab
 * whose session ended elsewhere says so (`socket:closed`).
 */
const instance = {
  OPERATOR_NAME: 'Landkreis Beispiel',
  PRIVACY_URL: 'https://landkreis.example.org/datenschutz',
  IMPRINT_URL: 'https://landkreis.example.org/impressum',
};
const eventPrivacy = 'https://forum-sozialplanung.example.org/datenschutz';

let server: E2eServer;
let browser: Browser;
let olga: Person;
let moritz: Person;
let anna: Person;

const footerLink = (page: Page, name: string) =>
  page.getByRole('contentinfo').getByRole('link', { name });

/** Someone's entry in the person's people list (the tab opened). */
async function entryOf(viewer: Person, name: string): Promise<Locator> {
  await viewer.page.getByRole('tab', { name: 'Personen' }).click();
  const entry = viewer.page.locator('.person').filter({ hasText: name });
  await entry.waitFor(wait);
  return entry;
}

/** Opens the entry's moderation menu unless it is open already (it stays open after a choice). */
async function openMenu(entry: Locator) {
  if ((await entry.locator('details').getAttribute('open')) === null) {
    await entry.getByText('Moderieren').click();
  }
}

const micToggle = (page: Page) =>
  page.getByRole('region', { name: 'Steuerleiste' }).getByRole('button', {
    name: 'Mikrofon',
    exact: true,
  });

beforeAll(async () => {
  buildClientIfStale();
  server = await startE2eServer(instance);
  browser = await launchChromium();
  olga = await openPerson(browser, 'Olga Organisatorin', server.url);
  moritz = await openPerson(browser, 'Moritz Moderator', server.url);
  anna = await openPerson(browser, 'Anna Arnsberg', server.url);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('people list and the pages of an event', { timeout: 180_000 }, () => {
  it('the organizer gives the event its own privacy notice, which wins on every page', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    const { page } = olga;
    await expect(footerLink(page, 'Datenschutzerklärung').getAttribute('href')).resolves.toBe(
      instance.PRIVACY_URL,
    );
    await page.getByRole('link', { name: 'Organisationskonsole öffnen' }).click();
    await page.waitForURL(/\/console$/);
    await page.getByRole('tab', { name: 'Veranstaltung' }).click();
    const privacy = page.getByLabel('Link zur Datenschutzerklärung');
    // The server refuses what is not https, at the field.
    await privacy.fill('http://forum-sozialplanung.example.org/datenschutz');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => privacy.getAttribute('aria-invalid'), wait).toBe('true');
    await privacy.fill(eventPrivacy);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await announced(page, 'Links der Veranstaltung gespeichert.');
    // The footer follows at once: the event's privacy notice, the instance's imprint.
    await expect
      .poll(() => footerLink(page, 'Datenschutzerklärung').getAttribute('href'), wait)
      .toBe(eventPrivacy);
    await expect(footerLink(page, 'Impressum').getAttribute('href')).resolves.toBe(
      instance.IMPRINT_URL,
    );
    await checkA11y(page, 'links-console-event');
    await page.getByRole('link', { name: 'Zurück zur Veranstaltung' }).click();
    await page.waitForURL(/\/e\/[^/]+$/);
    await page.getByText('Live verbunden').waitFor(wait);
  });

  it('the join page and the event page of an attendee link the event’s privacy notice', async () => {
    const { page } = anna;
    await page.goto(await server.invite('attendee'));
    await page.getByLabel('Anzeigename').waitFor(wait);
    const notice = page.getByRole('region', { name: 'Datenschutz' });
    await expect
      .poll(() => notice.getByRole('link', { name: 'Datenschutzerklärung' }).getAttribute('href'))
      .toBe(eventPrivacy);
    await expect(footerLink(page, 'Datenschutzerklärung').getAttribute('href')).resolves.toBe(
      eventPrivacy,
    );
    await screenshot(page, 'links-join');
    await joinByLink(anna, await server.invite('attendee'), 'skip');
    await expect(footerLink(page, 'Datenschutzerklärung').getAttribute('href')).resolves.toBe(
      eventPrivacy,
    );
  });

  it('marks whose microphone is on, as LiveKit reports it, apart from who may speak', async () => {
    await joinByLink(moritz, await server.invite('moderator'), 'check');
    let olgaSeen = await entryOf(anna, olga.name);
    // Olga may speak by her role, and her microphone is off: nothing is switched on unasked.
    await olgaSeen.getByText('hat Rederecht').waitFor(wait);
    await micToggle(olga.page).waitFor(wait);
    expect(await olgaSeen.getByText('Mikrofon an').count()).toBe(0);

    await micToggle(olga.page).click();
    await expect.poll(() => micToggle(olga.page).getAttribute('aria-pressed'), wait).toBe('true');
    olgaSeen = await entryOf(anna, olga.name);
    await olgaSeen.getByText('Mikrofon an').waitFor(wait);
    await checkA11y(anna.page, 'people-mic-on');

    await micToggle(olga.page).click();
    await expect.poll(() => olgaSeen.getByText('Mikrofon an').count(), wait).toBe(0);
    await olgaSeen.getByText('hat Rederecht').waitFor();
  });

  it('offers a moderator nothing against the organizer, and the word for an attendee', async () => {
    const olgaSeen = await entryOf(moritz, olga.name);
    const annaSeen = await entryOf(moritz, anna.name);
    await annaSeen.getByText('Moderieren').click();
    await annaSeen.getByRole('button', { name: 'Rederecht geben' }).waitFor(wait);
    // The server refuses a moderator's remove or mute against the organizer (403): not offered.
    expect(await olgaSeen.getByText('Moderieren').count()).toBe(0);
    expect(await olgaSeen.getByRole('button').count()).toBe(0);
  });

  it('lets the organizer mark a sign-language interpreter from the people list', async () => {
    const annaSeen = await entryOf(olga, anna.name);
    await openMenu(annaSeen);
    await annaSeen.getByRole('button', { name: 'Als Gebärdensprachdolmetschung zeigen' }).click();
    await announced(
      olga.page,
      `${anna.name} wird jetzt allen als Gebärdensprachdolmetschung gezeigt.`,
    );
    // Marked from the server's stage:interpreters, which everyone's stage follows.
    await annaSeen.getByText('Gebärdensprache').waitFor(wait);
    await openMenu(annaSeen);
    await annaSeen
      .getByRole('button', { name: 'Nicht mehr als Gebärdensprachdolmetschung zeigen' })
      .click();
    await expect.poll(() => annaSeen.getByText('Gebärdensprache').count(), wait).toBe(0);
  });

  it('keeps an attendee’s open people list current: another attendee arrives live', async () => {
    // Attendees' joins reach only pages that show the people list; Anna's shows it now.
    await entryOf(anna, olga.name);
    const bernd = await openPerson(browser, 'Bernd Beispiel', server.url);
    try {
      await joinByLink(bernd, await server.invite('attendee'), 'skip');
      await anna.page.locator('.person').filter({ hasText: bernd.name }).waitFor(wait);
    } finally {
      await bernd.context.close();
    }
  });

  it('a tab whose session was ended in another window says so and what to do', async () => {
    const other = await anna.context.newPage();
    await other.goto(`/e/${server.slug}`);
    await other.getByText('Live verbunden').waitFor(wait);
    await other.getByRole('button', { name: 'Abmelden' }).first().click();
    await other.getByRole('dialog').getByRole('button', { name: 'Abmelden' }).click();
    const alert = anna.page.getByRole('alert').filter({ hasText: 'Ihre Sitzung wurde beendet' });
    await alert.waitFor(wait);
    await alert.getByText('öffnen Sie Ihren Einladungslink erneut').waitFor();
    await checkA11y(anna.page, 'session-ended-notice');
    await other.close();
  });
});
