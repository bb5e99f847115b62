import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Phase, Room } from '@plenum/shared';
import { axeViolations, moderateOrWorse, screenshot, type Person } from './support/browser.ts';
import type { E2eServer } from './support/server.ts';
import { useBrowserWorld } from './support/world.ts';
import { announced, apiAs, checkA11y, joinByLink, wait } from './support/pages.ts';

/**
 * Moderation that keeps up with a full plenary, in a real browser: a new hand is shown to the
 * moderator whatever tab is open (and announced; no sound unless switched on), "Spricht gerade"
 * lists who was given the word with "Wort zurücknehmen", a hand is lowered rather than refused,
 * the people list is searched and shows roles and hands, and a group sees who visits it.
 */

/** axe-core on the parts matching `selectors` (each must be there): moderate and worse. */
async function violationsIn(page: Page, selectors: string[]): Promise<string[]> {
  for (const selector of selectors) await page.locator(selector).first().waitFor(wait);
  return axeViolations(page, moderateOrWorse, selectors);
}

/** A screenshot, axe on the whole page (serious, critical) and on our parts (moderate too). */
async function checkParts(page: Page, name: string, selectors: string[]) {
  await checkA11y(page, name);
  expect(await violationsIn(page, selectors), name).toEqual([]);
}

let server: E2eServer;
let olga: Person;
let anna: Person;
let ben: Person;

describe('moderating the hands, the word and the people', { timeout: 180_000 }, () => {
  const world = useBrowserWorld(['Olga Organisatorin', 'Anna Arnsberg', 'Ben Brandt']);
  beforeAll(() => {
    ({ server } = world);
    [olga, anna, ben] = world.people as [Person, Person, Person];
  });

  it('lets an organizer and two attendees in', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    await joinByLink(anna, await server.invite('attendee'), 'skip');
    await joinByLink(ben, await server.invite('attendee'), 'skip');
  });

  it('shows the moderator a new hand while the chat tab is open, and says it', async () => {
    const sound = olga.page.getByLabel('Ton bei neuen Wortmeldungen');
    expect(await sound.isChecked()).toBe(false);
    await olga.page.getByRole('tab', { name: 'Chat' }).click();

    await anna.page.getByRole('button', { name: 'Hand heben' }).click();
    const alert = olga.page.locator('.hand-alert-notice');
    await alert.getByText('Neue Wortmeldung:').waitFor(wait);
    await alert.getByText(anna.name).waitFor();
    await announced(olga.page, `${anna.name} meldet sich zu Wort.`);
    // Still on the chat tab: the alert is not hidden in the queue's tab.
    expect(await olga.page.getByRole('tab', { name: 'Chat' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await checkParts(olga.page, 'moderation-queue-new-hand', ['.hand-alert', '.tab-list']);
  });

  it('lists who speaks now, and takes the word back', async () => {
    await olga.page.getByRole('tab', { name: 'Wortmeldungen (1)' }).click();
    await olga.page.getByRole('button', { name: `Nächste aufrufen: ${anna.name}` }).click();
    // The taken hand leaves the alert; the speaker appears under "Spricht gerade".
    await olga.page.locator('.hand-alert-notice').waitFor({ state: 'detached', ...wait });
    const speaking = olga.page.getByRole('region', { name: 'Spricht gerade' });
    const takeBack = speaking.getByRole('button', { name: `Wort zurücknehmen für ${anna.name}` });
    await takeBack.waitFor(wait);
    expect(await speaking.getByRole('listitem').count()).toBe(1);
    await checkParts(olga.page, 'moderation-queue-speaking-now', ['.speaking-now', '.hand-queue']);

    await takeBack.click();
    await announced(olga.page, `${anna.name} hat kein Rederecht mehr.`);
    await speaking.waitFor({ state: 'detached', ...wait });
  });

  it('lowers a hand instead of refusing it', async () => {
    await ben.page.getByRole('button', { name: 'Hand heben' }).click();
    await olga.page.locator('.hand-alert-notice').getByText(ben.name).waitFor(wait);
    const queue = olga.page.getByRole('region', { name: 'Wortmeldungen: 1' });
    expect(await queue.getByRole('button', { name: /Ablehnen/ }).count()).toBe(0);
    await queue.getByRole('button', { name: `Hand senken ${ben.name}` }).click();
    await announced(olga.page, `Die Hand von ${ben.name} ist gesenkt.`);
    await ben.page.getByRole('button', { name: 'Hand heben' }).waitFor(wait);
  });

  it('finds a person in the people list, with role and raised hand shown', async () => {
    await anna.page.getByRole('button', { name: 'Hand heben' }).click();
    await olga.page.getByRole('tab', { name: 'Personen' }).click();
    await olga.page.getByRole('heading', { name: 'Im Plenum: 3 Personen' }).waitFor(wait);
    await olga.page.getByLabel('Personen suchen').fill('arns');
    const people = olga.page.locator('.people-list .person');
    await olga.page.getByText('1 Person gefunden').waitFor(wait);
    expect(await people.count()).toBe(1);
    const entry = people.filter({ hasText: anna.name });
    await entry.getByText('Teilnehmende').waitFor();
    await entry.getByText('Hand gehoben').waitFor(wait);
    await checkParts(olga.page, 'moderation-queue-people-search', ['.people']);
    await olga.page.getByLabel('Personen suchen').fill('');
    await expect.poll(() => people.count(), wait).toBe(3);
  });

  it('counts chat messages that arrive while the chat tab is hidden, and shows the newest on return', async () => {
    // Olga is on the people tab; Anna and Ben write (each within the chat's 5 per 5 s).
    const input = anna.page.getByLabel('Nachricht an Plenum');
    for (const [person, name] of [
      [anna, 'Anna'],
      [ben, 'Ben'],
    ] as const) {
      await person.page.getByRole('tab', { name: 'Chat' }).click();
      const field = person.page.getByLabel('Nachricht an Plenum');
      for (let i = 1; i <= 4; i++) {
        await field.fill(`Beitrag ${i} von ${name}`);
        await field.press('Enter');
      }
    }
    await anna.page.locator('.chat-list').getByText('Beitrag 4 von Ben').waitFor(wait);
    // After sending, her composer is still on screen.
    await expect
      .poll(
        () =>
          input.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }),
        wait,
      )
      .toBe(true);
    await olga.page.getByRole('tab', { name: 'Chat (8 neu)' }).waitFor(wait);
    await olga.page.getByRole('tab', { name: /Chat/ }).click();
    await olga.page.getByRole('tab', { name: 'Chat', exact: true }).waitFor(wait);
    const list = olga.page.locator('.chat-list');
    await expect
      .poll(
        () => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 40),
        wait,
      )
      .toBe(true);
    await list.getByText('Beitrag 4 von Ben').waitFor();
  });

  it('tells a group who is visiting, until they leave', async () => {
    const rooms = await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`);
    const group = rooms.filter((r) => r.kind === 'working_group')[0]!;
    const phase = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
      title: 'Besuchte Arbeitsgruppe',
      roomIds: [group.id],
      durationMinutes: 30,
      selfSelect: false,
    });
    const me = await apiAs<{ person: { id: string } }>(anna, 'get', '/api/me');
    await apiAs(olga, 'post', `/api/phases/${phase.id}/move`, {
      personId: me.person.id,
      roomId: group.id,
    });
    await apiAs(olga, 'post', `/api/phases/${phase.id}/open`);
    await anna.page.getByRole('heading', { name: `Sie sind in ${group.name}` }).waitFor(wait);

    const visit = olga.page.getByRole('region', { name: 'Gruppe besuchen' });
    await visit.getByLabel('Arbeitsgruppe').selectOption({ label: group.name });
    await visit.getByRole('button', { name: 'Gruppe besuchen' }).click();
    const notice = `${olga.name} (Organisationsteam) besucht diese Gruppe.`;
    await anna.page.locator('.visit-notices').getByText(notice).waitFor(wait);
    await announced(anna.page, notice);
    // The visitor is not told about herself (that only the group hears it the server tests show).
    expect(await olga.page.locator('.visit-notices').count()).toBe(0);
    await checkParts(anna.page, 'moderation-queue-visit-notice', ['.visit-notices']);

    await visit.getByRole('button', { name: 'Zurück ins Plenum' }).click();
    await announced(anna.page, `${olga.name} hat den Besuch beendet.`);
    await anna.page.locator('.visit-notices').waitFor({ state: 'detached', ...wait });
    await screenshot(anna.page, 'moderation-queue-visit-over');
  });
});
