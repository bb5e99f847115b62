import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Phase, Room } from '@plenum/shared';
import type { Person } from './support/browser.ts';
import type { E2eServer } from './support/server.ts';
import { useBrowserWorld } from './support/world.ts';
import { announced, apiAs, checkA11y, joinByLink } from './support/pages.ts';

/**
 * The moderation gaps closed, in a real browser: the people menu offers the word or takes it as
 * the server says, a call for help is stored with its done state, and an organizer visiting a
 * group hears its chat live.
 */
const wait = { timeout: 30_000, interval: 250 };

let server: E2eServer;
let olga: Person;
let anna: Person;
let group: Room;

/** Anna's entry in Olga's people list, with its moderation menu opened. */
async function annasMenu(): Promise<Locator> {
  await olga.page.getByRole('tab', { name: 'Personen' }).click();
  const entry = olga.page.locator('.person').filter({ hasText: anna.name });
  await entry.waitFor(wait);
  const menu = entry.locator('details');
  if ((await menu.getAttribute('open')) === null) {
    await entry.getByText('Moderieren').click();
  }
  return entry;
}

describe('moderation in the browser', { timeout: 120_000 }, () => {
  const world = useBrowserWorld(['Olga Organisatorin', 'Anna Arnsberg']);
  beforeAll(() => {
    ({ server } = world);
    [olga, anna] = world.people as [Person, Person];
  });

  it('lets an organizer and an attendee in', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    await joinByLink(anna, await server.invite('attendee'), 'skip');
  });

  it('offers the word to someone who may not speak, and takes it from someone who may', async () => {
    let entry = await annasMenu();
    await entry.getByRole('button', { name: 'Rederecht geben' }).waitFor(wait);
    expect(await entry.getByRole('button', { name: 'Rederecht entziehen' }).count()).toBe(0);
    expect(await entry.getByRole('button', { name: 'Mikrofon stummschalten' }).count()).toBe(0);
    await checkA11y(olga.page, 'moderation-menu-attendee');

    await entry.getByRole('button', { name: 'Rederecht geben' }).click();
    await announced(olga.page, `${anna.name} hat jetzt das Rederecht.`);
    // The server's presence update changes the menu; nobody reloads.
    entry = await annasMenu();
    await entry.getByRole('button', { name: 'Rederecht entziehen' }).waitFor(wait);
    await entry.getByRole('button', { name: 'Mikrofon stummschalten' }).waitFor();
    await entry.getByText('hat Rederecht').waitFor();
    expect(await entry.getByRole('button', { name: 'Rederecht geben' }).count()).toBe(0);
    await checkA11y(olga.page, 'moderation-menu-speaker');

    await entry.getByRole('button', { name: 'Rederecht entziehen' }).click();
    await announced(olga.page, `${anna.name} hat kein Rederecht mehr.`);
    entry = await annasMenu();
    await entry.getByRole('button', { name: 'Rederecht geben' }).waitFor(wait);
  });

  it('lets an organizer visiting a group hear its chat live', async () => {
    const rooms = await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`);
    group = rooms.filter((r) => r.kind === 'working_group')[0]!;
    const phase = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
      title: 'Moderierte Arbeitsgruppen',
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
    await olga.page.getByRole('heading', { name: `Sie sind in ${group.name}` }).waitFor(wait);
    await olga.page.getByRole('tab', { name: 'Chat' }).click();
    await olga.page.getByLabel(`Nachricht an ${group.name}`).waitFor(wait);

    // Said after the visit began: it reaches the visitor only through the group's socket room.
    await anna.page.getByRole('tab', { name: 'Chat' }).click();
    await anna.page.getByLabel(`Nachricht an ${group.name}`).fill('Schön, dass Sie vorbeischauen!');
    await anna.page.getByLabel(`Nachricht an ${group.name}`).press('Enter');
    await olga.page.locator('.chat-list').getByText('Schön, dass Sie vorbeischauen!').waitFor(wait);
  });

  it('keeps a call for help until it is marked done, also after a reload', async () => {
    await anna.page.getByRole('button', { name: 'Hilfe anfordern' }).click();
    await anna.page
      .getByText('Die Moderation Ihrer Gruppe und das Organisationsteam sind benachrichtigt.')
      .first()
      .waitFor(wait);

    // Help requests are listed in the organizer console, its own view beside a small stage.
    await olga.page.getByRole('link', { name: 'Organisationskonsole öffnen' }).click();
    await olga.page.waitForURL(/\/console$/);
    await olga.page.getByRole('tab', { name: 'Phasen' }).click();
    const list = olga.page.getByRole('region', { name: 'Hilfe angefordert: 1 Anfrage' });
    await list.waitFor(wait);
    await checkA11y(olga.page, 'moderation-help-open');
    await list.getByRole('button', { name: `Erledigt ${group.name}` }).click();
    await announced(olga.page, `Hilfeanfrage aus ${group.name} als erledigt markiert.`);
    const done = olga.page.getByRole('region', { name: 'Hilfe angefordert: 0 Anfragen' });
    await done.getByText('Keine offenen Hilfeanfragen.').waitFor(wait);
    await done.getByText('Erledigt: 1 Anfrage').click();
    await done.getByText(`Erledigt von ${olga.name}`).waitFor();
    await checkA11y(olga.page, 'moderation-help-done');

    // Stored on the server: a reload shows it done, not gone and not open again.
    await olga.page.reload();
    await olga.page.getByRole('tab', { name: 'Phasen' }).click();
    const reloaded = olga.page.getByRole('region', { name: 'Hilfe angefordert: 0 Anfragen' });
    await reloaded.getByText('Erledigt: 1 Anfrage').waitFor(wait);
  });
});
