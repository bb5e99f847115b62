import { beforeAll, describe, expect, it } from 'vitest';
import type { Phase, Room } from '@plenum/shared';
import { screenshot, type Person } from './support/browser.ts';
import { appendNotes } from './support/notes.ts';
import type { E2eServer } from './support/server.ts';
import { useBrowserWorld } from './support/world.ts';
import { apiAs, checkA11y, joinByLink, wait } from './support/pages.ts';

/**
 * Results that reach the plenary: after a phase, the organizer presses "Ergebnisse zeigen" and
 * an attendee sees the groups' notes beside the stage, group by group as tabs (by keyboard), until
 * the organizer hides them; the exports download as Word and PDF.
 */
let server: E2eServer;
let olga: Person;
let anna: Person;
let groups: Room[];
let phase: Phase;
const title = 'Ergebnisrunde';

const saveNotes = (person: Person, roomId: string, body: string) =>
  appendNotes(server, person, { kind: 'group', phaseId: phase.id, roomId }, body);

describe('results in the plenary, in the browser', { timeout: 120_000 }, () => {
  const world = useBrowserWorld(['Olga Organisatorin', 'Anna Arnsberg']);
  beforeAll(() => {
    ({ server } = world);
    [olga, anna] = world.people as [Person, Person];
  });

  it('a phase runs, its groups write notes, and it closes', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    await joinByLink(anna, await server.invite('attendee'), 'skip');
    const rooms = await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`);
    groups = rooms.filter((r) => r.kind === 'working_group').slice(0, 2);
    phase = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
      title,
      roomIds: groups.map((g) => g.id),
      durationMinutes: 30,
      selfSelect: false,
    });
    await apiAs(olga, 'post', `/api/phases/${phase.id}/open`);
    await saveNotes(olga, groups[0]!.id, '# Vorschläge\n\n- Mehr Radwege für Straßen');
    await saveNotes(olga, groups[1]!.id, 'Ärger über zu wenig Grün');
    await apiAs(olga, 'post', `/api/phases/${phase.id}/close`);
  });

  it('the organizer shows the results and the attendee sees them beside the stage, tab by tab', async () => {
    const panel = olga.page.getByRole('region', { name: `Ergebnisse: ${title}` });
    await panel.getByRole('button', { name: 'Ergebnisse zeigen' }).click(wait);

    const shown = anna.page.getByRole('region', { name: `Im Plenum gezeigt: ${title}` });
    await shown.waitFor(wait);
    const first = shown.getByRole('tab', { name: groups[0]!.name });
    await expect.poll(() => first.getAttribute('aria-selected'), wait).toBe('true');
    await shown.getByText('Mehr Radwege für Straßen').waitFor(wait);
    await first.focus();
    await anna.page.keyboard.press('ArrowRight');
    const second = shown.getByRole('tab', { name: groups[1]!.name });
    await expect.poll(() => second.getAttribute('aria-selected'), wait).toBe('true');
    await shown.getByText('Ärger über zu wenig Grün').waitFor(wait);
    await screenshot(anna.page, 'results-in-plenary');
    await checkA11y(anna.page, 'results-in-plenary');
  });

  it('the results download as Word and PDF', async () => {
    for (const [label, type] of [
      ['Ergebnisse aller Gruppen als Word-Dokument herunterladen', /wordprocessingml/],
      ['Ergebnisse aller Gruppen als PDF herunterladen', /application\/pdf/],
    ] as const) {
      const href = await anna.page.getByRole('link', { name: label }).getAttribute('href');
      const response = await anna.context.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(type);
    }
  });

  it('hidden by the organizer, they leave the attendee’s screen', async () => {
    const shownToOlga = olga.page.getByRole('region', { name: `Im Plenum gezeigt: ${title}` });
    await shownToOlga.getByRole('button', { name: 'Ergebnisse ausblenden' }).click(wait);
    await anna.page
      .getByRole('region', { name: `Im Plenum gezeigt: ${title}` })
      .waitFor({ state: 'detached', timeout: wait.timeout });
  });
});
