import { beforeAll, describe, expect, it } from 'vitest';
import type { NotesDoc, Phase, Room } from '@plenum/shared';
import { axeViolations, moderateOrWorse, screenshot, type Person } from './support/browser.ts';
import { socketAs } from './support/notes.ts';
import { announced, apiAs, joinByLink, wait } from './support/pages.ts';
import type { E2eServer } from './support/server.ts';
import { useBrowserWorld } from './support/world.ts';

/**
 * Notes written together, live: Anna and Ben, in one working group, type into the notes at the
 * same time and both end with both texts; each sees the other named as writing, on a line. Carla,
 * in another group, gets neither the text nor its updates over her socket, and is refused when
 * she asks for it. What Ben types while offline reaches Anna after the reconnect. Back in the plenary, the organizer writes the plenary's notes and the
 * attendees read them, read-only. axe-core (moderate too) on the notes panels.
 */
let server: E2eServer;
let olga: Person;
let anna: Person;
let ben: Person;
let carla: Person;
let groups: Room[];
let phase: Phase;
/** What reached each browser's socket, frame by frame. */
const frames = new Map<Person, string[]>();

const groupNotes = (person: Person) =>
  person.page.getByLabel('Notizen (Markdown)', { exact: true });
const plenaryNotes = (person: Person) =>
  person.page.getByLabel('Notizen des Plenums (Markdown)', { exact: true });
/** Frames that carry a notes event of the given room's document. */
const notesFramesOf = (person: Person, roomId: string) =>
  (frames.get(person) ?? []).filter((f) => f.includes('"notes:') && f.includes(roomId));

async function personId(person: Person): Promise<string> {
  return (await apiAs<{ person: { id: string } }>(person, 'get', '/api/me')).person.id;
}

describe('notes written together, in the browser', { timeout: 180_000 }, () => {
  const world = useBrowserWorld([
    'Olga Organisatorin',
    'Anna Arnsberg',
    'Ben Brandt',
    'Carla Conrad',
  ]);
  beforeAll(() => {
    ({ server } = world);
    [olga, anna, ben, carla] = world.people as [Person, Person, Person, Person];
    for (const person of world.people) {
      const received: string[] = [];
      frames.set(person, received);
      person.page.on('websocket', (socket) =>
        socket.on('framereceived', ({ payload }) => received.push(String(payload))),
      );
    }
  });

  it('a phase puts Anna and Ben into one group and Carla into another', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    for (const person of [anna, ben, carla]) {
      await joinByLink(person, await server.invite('attendee'), 'skip');
    }
    const rooms = await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`);
    groups = rooms.filter((r) => r.kind === 'working_group').slice(0, 2);
    phase = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
      title: 'Gemeinsam schreiben',
      roomIds: groups.map((g) => g.id),
      durationMinutes: 30,
      selfSelect: false,
    });
    for (const [person, group] of [
      [anna, groups[0]!],
      [ben, groups[0]!],
      [carla, groups[1]!],
    ] as const) {
      const body = { personId: await personId(person), roomId: group.id };
      await apiAs(olga, 'post', `/api/phases/${phase.id}/move`, body);
    }
    await apiAs(olga, 'post', `/api/phases/${phase.id}/open`);
    for (const [person, group] of [
      [anna, groups[0]!],
      [ben, groups[0]!],
      [carla, groups[1]!],
    ] as const) {
      await person.page.getByRole('heading', { name: `Sie sind in ${group.name}` }).waitFor(wait);
      await expect.poll(() => groupNotes(person).isEditable(), wait).toBe(true);
    }
  });

  it('two people typing at the same time both end with both texts', async () => {
    await groupNotes(anna).click();
    await anna.page.keyboard.type('# Ergebnisse\n');
    await expect.poll(() => groupNotes(ben).inputValue(), wait).toBe('# Ergebnisse\n');
    await groupNotes(ben).click();
    await ben.page.keyboard.press('Control+End');
    await anna.page.keyboard.press('Control+End');
    await Promise.all([
      anna.page.keyboard.type('- Radwege für alle\n', { delay: 40 }),
      ben.page.keyboard.type('- Bänke im Park\n', { delay: 40 }),
    ]);
    for (const person of [anna, ben]) {
      await expect
        .poll(() => groupNotes(person).inputValue(), wait)
        .toMatch(
          /^# Ergebnisse\n(- Radwege für alle\n- Bänke im Park|- Bänke im Park\n- Radwege für alle)\n$/,
        );
      await person.page.locator('.notes-status').getByText('Gespeichert').waitFor(wait);
    }
    expect(await groupNotes(anna).inputValue()).toBe(await groupNotes(ben).inputValue());
    await anna.page.locator('.notes-preview').getByText('Bänke im Park').waitFor(wait);
  });

  it('each sees the other named as writing, with the line', async () => {
    await anna.page.getByText(/^Schreibt gerade: Ben Brandt \(Zeile \d\)$/).waitFor(wait);
    await ben.page.getByText(/^Schreibt gerade: Anna Arnsberg \(Zeile \d\)$/).waitFor(wait);
    // The caret marker behind the text is a picture only, hidden from screen readers.
    const marker = anna.page.locator('.notes-caret-name', { hasText: 'Ben Brandt' });
    await marker.waitFor(wait);
    expect(await marker.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
    await screenshot(anna.page, 'notes-co-editing');
    expect(await axeViolations(anna.page, moderateOrWorse, ['.notes'])).toEqual([]);
    // Leaving the field takes one off the list.
    await ben.page.getByRole('heading', { name: /^Ergebnisse: / }).click();
    await anna.page.getByText('Gerade schreibt niemand sonst.').waitFor(wait);
  });

  it('a member of another group gets neither the text nor its updates', async () => {
    expect(await groupNotes(carla).inputValue()).toBe('');
    // The check sees notes traffic at all: Ben's socket carried his group's.
    expect(notesFramesOf(ben, groups[0]!.id).length).toBeGreaterThan(0);
    expect(notesFramesOf(carla, groups[0]!.id)).toEqual([]);
    const doc: NotesDoc = { kind: 'group', phaseId: phase.id, roomId: groups[0]!.id };
    const socket = await socketAs(server, carla);
    try {
      const refused = await socket
        .timeout(10_000)
        .emitWithAck('notes:open', { doc, stateVector: '' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      socket.disconnect();
    }
  });

  it('what is written offline is kept and reaches the group after the reconnect', async () => {
    await ben.context.setOffline(true);
    await ben.page
      .locator('.notes-status')
      .getByText('Offline – Änderungen werden nachgereicht')
      .waitFor(wait);
    await groupNotes(ben).click();
    await ben.page.keyboard.press('Control+End');
    await ben.page.keyboard.type('- offline notiert\n');
    await groupNotes(anna).click();
    await anna.page.keyboard.press('Control+Home');
    await anna.page.keyboard.type('Stand: ');
    await ben.context.setOffline(false);
    for (const person of [anna, ben]) {
      await expect
        .poll(() => groupNotes(person).inputValue(), wait)
        .toMatch(/^Stand: # Ergebnisse\n[^]*- offline notiert\n$/);
    }
    await announced(ben.page, 'Ihre Änderungen an den Notizen sind nachgereicht und gespeichert.');
  });

  it('in the plenary the organizer writes the notes and attendees read them', async () => {
    await apiAs(olga, 'post', `/api/phases/${phase.id}/close`);
    await anna.page.getByRole('heading', { name: 'Sie sind im Plenum' }).waitFor(wait);
    await expect.poll(() => plenaryNotes(olga).isEditable(), wait).toBe(true);
    await plenaryNotes(olga).click();
    await olga.page.keyboard.type('Nächste Sitzung: **12. März**');

    const read = plenaryNotes(anna);
    await expect.poll(() => read.inputValue(), wait).toBe('Nächste Sitzung: **12. März**');
    expect(await read.isEditable()).toBe(false);
    await anna.page
      .getByText('Hier schreiben Organisationsteam und Moderation; Sie lesen mit.')
      .waitFor(wait);
    await anna.page.locator('.notes-preview strong').getByText('12. März').waitFor(wait);
    await screenshot(anna.page, 'notes-plenary-read-only');
    expect(await axeViolations(anna.page, moderateOrWorse, ['.notes'])).toEqual([]);
  });
});
