import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Phase, Room } from '@plenum/shared';
import {
  artifactsDir,
  axeViolations,
  launchChromium,
  moderateOrWorse,
  openPerson,
  type Person,
} from './support/browser.ts';
import { apiAs, joinByLink, wait } from './support/pages.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';

/**
 * Every screen of the day at 1366×768 and at 360×740 (#14 "Done when"): PNGs of each under
 * e2e/artifacts/screens/ (git-ignored, like all artifacts) — `<size>-<screen>.png` the first
 * screen as a person sees it, `…-full.png` the whole page — and axe-core on each counting
 * moderate findings too. Nothing is asserted about the pictures: people look at them. What axe
 * finds on any screen at any size fails the test, listed by screen.
 */
const sizes = [
  { width: 1366, height: 768 },
  { width: 360, height: 740 },
] as const;
const screensDir = `${artifactsDir}screens/`;

let server: E2eServer;
let browser: Browser;
let olga: Person;
let anna: Person;
let groups: Room[];
let phase: Phase;
const findings: string[] = [];

/** The page at both sizes: a full-page PNG and axe; it comes back to 1366×768 afterwards. */
async function capture(page: Page, name: string, ready?: () => Promise<unknown>) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await ready?.();
    // Let the layout settle after the resize (fonts, wrapped lines): two animation frames.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = `${screensDir}${size.width}x${size.height}-${name}`;
    // The first screen as a person sees it (the control bar at the bottom), then the whole page.
    await page.screenshot({ path: `${file}.png` });
    await page.screenshot({ path: `${file}-full.png`, fullPage: true });
    const found = await axeViolations(page, moderateOrWorse);
    findings.push(...found.map((f) => `${name} @${size.width}px: ${f}`));
    // Nothing may stick out sideways at 360 px: a page that scrolls sideways hides controls.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0)
      findings.push(`${name} @${size.width}px: ${overflow} px wider than the window`);
    // At the end of the page nothing may hide behind the fixed control bar (the footer's privacy
    // notice and imprint least of all).
    const hidden = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const bar = document.querySelector('.control-bar');
      const last = document.querySelector('.site-footer ul') ?? document.querySelector('main');
      if (!bar || !last) return null;
      const covered = last.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
      return covered > 1 ? Math.round(covered) : null;
    });
    if (hidden)
      findings.push(`${name} @${size.width}px: ${hidden} px of the footer behind the bar`);
  }
  await page.setViewportSize(sizes[0]);
}

beforeAll(async () => {
  mkdirSync(screensDir, { recursive: true });
  buildClientIfStale();
  server = await startE2eServer({
    OPERATOR_NAME: 'Landkreis Beispiel',
    PRIVACY_URL: 'https://landkreis.example.org/datenschutz',
    IMPRINT_URL: 'https://landkreis.example.org/impressum',
  });
  browser = await launchChromium();
  olga = await openPerson(browser, 'Olga Organisatorin', server.url);
  anna = await openPerson(browser, 'Anna Arnsberg', server.url);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every screen at 1366×768 and 360×740', { timeout: 300_000 }, () => {
  it('the start page, the join page with its privacy notice, and the device check', async () => {
    const { page } = anna;
    await page.goto('/');
    await capture(page, '01-landing');
    await page.goto(await server.invite('attendee'));
    await page.getByLabel('Anzeigename').waitFor(wait);
    await capture(page, '02-join');
    await page.getByLabel('Anzeigename').fill(anna.name);
    await page.getByRole('button', { name: 'Teilnehmen' }).click();
    await page.getByRole('heading', { name: 'Kamera und Mikrofon prüfen' }).waitFor(wait);
    await capture(page, '03-device-check');
    await page.getByRole('button', { name: 'Überspringen – ich schaue nur zu' }).click();
    await page.waitForURL(/\/e\//);
    await page.getByText('Live verbunden').waitFor(wait);
  });

  it('the plenary stage, as an attendee and as the organizer with each side tab', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    await capture(anna.page, '04-plenary-attendee');
    const { page } = olga;
    await capture(page, '05-plenary-organizer');
    for (const [tab, name] of [
      ['Personen', '06-plenary-people'],
      ['Wortmeldungen', '07-plenary-hands'],
    ] as const) {
      const found = page.getByRole('tab', { name: new RegExp(`^${tab}`) });
      if ((await found.count()) === 0) continue;
      await found.first().click();
      await capture(page, name);
    }
    await page.getByRole('tab', { name: /^Fragen/ }).click();
    await capture(page, '08-plenary-questions');
    await page.getByRole('tab', { name: /^Chat/ }).click();
  });

  it('the organizer console, tab by tab', async () => {
    const { page } = olga;
    await page.getByRole('link', { name: 'Organisationskonsole öffnen' }).click();
    await page.waitForURL(/\/console$/);
    const tabs = page.getByRole('tablist', { name: 'Bereiche der Organisationskonsole' });
    await tabs.waitFor(wait);
    const names = await tabs.getByRole('tab').allTextContents();
    expect(names.length).toBeGreaterThan(5);
    for (const [i, name] of names.entries()) {
      await tabs.getByRole('tab', { name, exact: true }).click();
      await capture(page, `09-console-${i + 1}-${slugOf(name)}`);
    }
    await page.getByRole('link', { name: 'Zurück zur Veranstaltung' }).click();
    await page.waitForURL(/\/e\/[^/]+$/);
    await page.getByText('Live verbunden').waitFor(wait);
  });

  it('a working group, as its member', async () => {
    const rooms = await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`);
    groups = rooms.filter((r) => r.kind === 'working_group').slice(0, 2);
    phase = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
      title: 'Arbeitsgruppen am Vormittag',
      roomIds: groups.map((g) => g.id),
      durationMinutes: 30,
      selfSelect: false,
    });
    const me = await apiAs<{ person: { id: string } }>(anna, 'get', '/api/me');
    await apiAs(olga, 'post', `/api/phases/${phase.id}/move`, {
      personId: me.person.id,
      roomId: groups[0]!.id,
    });
    await apiAs(olga, 'post', `/api/phases/${phase.id}/open`);
    const heading = anna.page.getByRole('heading', { name: `Sie sind in ${groups[0]!.name}` });
    await heading.waitFor(wait);
    await capture(anna.page, '10-working-group');
  });

  it('the results shown in the plenary', async () => {
    await apiAs(olga, 'post', `/api/phases/${phase.id}/close`);
    await anna.page.getByRole('heading', { name: /^Sie sind im / }).waitFor(wait);
    const panel = olga.page.getByRole('region', {
      name: 'Ergebnisse: Arbeitsgruppen am Vormittag',
    });
    await panel.getByRole('button', { name: 'Ergebnisse zeigen' }).click(wait);
    const shown = anna.page.getByRole('region', {
      name: 'Im Plenum gezeigt: Arbeitsgruppen am Vormittag',
    });
    await shown.waitFor(wait);
    await capture(anna.page, '11-results-in-plenary');
    await capture(olga.page, '12-results-organizer');
  });

  it('the pages one meets when something is wrong', async () => {
    const { page } = anna;
    await page.goto('/e/forum-sozialplanung/gibt-es-nicht');
    await capture(page, '13-not-found');
    await page.goto('/join/AAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('heading', { level: 1 }).waitFor(wait);
    await capture(page, '14-unknown-link');
    const stranger = await openPerson(browser, 'Nora Neu', server.url);
    await stranger.page.goto(`/e/${server.slug}`);
    await stranger.page.getByRole('heading', { name: 'Nicht angemeldet' }).waitFor(wait);
    await capture(stranger.page, '15-not-signed-in');
    await stranger.context.close();
  });

  it('axe finds nothing moderate, serious or critical on any screen at any size', () => {
    expect(findings).toEqual([]);
  });
});

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
