import { beforeAll, describe, it } from 'vitest';
import type { Person } from './support/browser.ts';
import type { E2eServer } from './support/server.ts';
import { useBrowserWorld } from './support/world.ts';
import { announced, checkA11y, joinByLink, wait } from './support/pages.ts';

/**
 * A poll from creation to results, in a real browser: an organizer prepares and opens it, an
 * attendee votes by keyboard alone, the organizer follows the live count and closes it, and the
 * attendee sees the results; axe-core on each screen.
 */
let server: E2eServer;
let olga: Person;
let anna: Person;
const question = 'Welche Maßnahme zuerst?';

describe('a poll in the browser', { timeout: 120_000 }, () => {
  const world = useBrowserWorld(['Olga Organisatorin', 'Anna Arnsberg']);
  beforeAll(() => {
    ({ server } = world);
    [olga, anna] = world.people as [Person, Person];
  });

  it('lets an organizer and an attendee in', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    await joinByLink(anna, await server.invite('attendee'), 'skip');
  });

  it('an organizer prepares a poll and opens it', async () => {
    const polls = olga.page.getByRole('region', { name: 'Abstimmungen' });
    await polls.getByText('Abstimmung vorbereiten').click();
    await polls.getByLabel('Frage').fill(question);
    await polls.getByLabel('Antworten').fill('Radwege\nBusse\nCarsharing');
    await polls.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
    await announced(olga.page, 'Die Abstimmung ist als Entwurf angelegt.');
    await checkA11y(olga.page, 'polls-draft');
    await polls.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await announced(olga.page, 'Die Abstimmung ist geöffnet.');
  });

  it('an attendee votes by keyboard and the organizer sees the count live', async () => {
    const ballot = anna.page.getByRole('group', { name: question });
    await ballot.waitFor(wait);
    await announced(anna.page, `Neue Abstimmung: ${question}`);
    await checkA11y(anna.page, 'polls-ballot');
    // Into the radio group, on to the second answer, then to the button and send.
    await ballot.getByRole('radio', { name: 'Radwege' }).focus();
    await anna.page.keyboard.press('ArrowDown');
    await anna.page.keyboard.press('Tab');
    await anna.page.keyboard.press('Enter');
    await announced(anna.page, 'Ihre Stimme ist gezählt.');

    const polls = olga.page.getByRole('region', { name: 'Abstimmungen' });
    await polls.getByText('Zwischenstand: 1 Stimme').waitFor(wait);
    await polls.getByText('Busse: 1 (100 %)').waitFor(wait);
  });

  it('closing shows the results to the attendee', async () => {
    const polls = olga.page.getByRole('region', { name: 'Abstimmungen' });
    await polls.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await announced(olga.page, 'Die Abstimmung ist beendet.');
    const results = anna.page.getByRole('region', { name: 'Abstimmungen' });
    await results.getByText('Ergebnis: 1 Stimme').waitFor(wait);
    await results.getByText('Busse: 1 (100 %)').waitFor(wait);
    await results.getByText('Radwege: 0 (0 %)').waitFor(wait);
    await checkA11y(anna.page, 'polls-results');
  });
});
