import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Phase, Room } from '@plenum/shared';
import {
  artifactsDir,
  launchChromium,
  openPerson,
  screenshot,
  type Person,
} from './support/browser.ts';
import { compactBarQuery } from '../client/src/features/media/bar-layout.ts';
import { previewPlays } from './support/devices.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';
import { apiAs, checkA11y, wait } from './support/pages.ts';
import { barButtons, barButtonsOutsideViewport, violationsIn } from './support/controls.ts';

/**
 * Consent, checked where it counts: after every step of the day, LiveKit itself is asked which
 * tracks each person publishes. Nothing goes live that its owner did not switch on — not on
 * joining, being given the word, moving into a group or back, or visiting one.
 */
let server: E2eServer;
let browser: Browser;
let livekit: RoomServiceClient;
let olga: Person; // organizer
let sam: Person; // speaker
let anna: Person; // attendee
let plenary: Room;
let group: Room;
let phase: Phase;

type Source = 'microphone' | 'camera' | 'screen';
const names: Partial<Record<TrackSource, Source>> = {
  [TrackSource.MICROPHONE]: 'microphone',
  [TrackSource.CAMERA]: 'camera',
  [TrackSource.SCREEN_SHARE]: 'screen',
};

/** What LiveKit says the person publishes in the room (unmuted tracks), or null if not there. */
async function published(roomId: string, person: Person): Promise<Source[] | null> {
  const participants = await livekit.listParticipants(roomId).catch(() => []);
  const participant = participants.find((p) => p.name === person.name);
  if (!participant) return null;
  return participant.tracks
    .filter((track) => !track.muted)
    .map((track) => names[track.source] ?? 'screen')
    .sort();
}

/** Waits until LiveKit reports exactly these tracks, then holds a moment: nothing comes after. */
async function expectPublished(roomId: string, person: Person, sources: Source[], hold = 2500) {
  const wanted = [...sources].sort();
  await expect.poll(() => published(roomId, person), wait).toEqual(wanted);
  await new Promise((resolve) => setTimeout(resolve, hold));
  expect(await published(roomId, person), `${person.name} in ${roomId}`).toEqual(wanted);
}

/** Joins by link; presenters leave the device check with the switches named in `switchOn`. */
async function join(person: Person, link: string, switchOn: ('Mikrofon' | 'Kamera')[] = []) {
  const { page } = person;
  await page.goto(link);
  await page.getByLabel('Anzeigename').fill(person.name);
  await page.getByRole('button', { name: 'Teilnehmen' }).click();
  await page.getByRole('heading', { name: 'Kamera und Mikrofon prüfen' }).waitFor(wait);
  const start = page.getByRole('button', { name: 'Kamera und Mikrofon testen' });
  if (await start.count()) await start.click();
  await expect.poll(() => previewPlays(page), wait).toBe(true);
  for (const device of ['Mikrofon', 'Kamera'] as const) {
    const toggle = page.getByRole('button', { name: `Mit ${device} eintreten` });
    if (!(await toggle.count())) continue;
    // Off unless switched on here: the switch starts unpressed.
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    if (switchOn.includes(device)) {
      await toggle.click();
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    }
  }
  expect(await violationsIn(page, ['.device-check'])).toEqual([]);
  await screenshot(page, `consent-device-check-${person.name.split(' ')[0]}`);
  await page.getByRole('button', { name: 'Weiter zur Veranstaltung' }).click();
  await page.waitForURL(/\/e\//);
  await page.getByText('Live verbunden').waitFor(wait);
}

const bar = (page: Page) => page.getByRole('region', { name: 'Steuerleiste' });
const barToggle = (page: Page, name: 'Mikrofon' | 'Kamera' | 'Bildschirm teilen') =>
  bar(page).getByRole('button', { name, exact: true });

/** Resizes the window and waits until the bar has re-rendered for it: "Mehr" only on a phone. */
async function resizeTo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  const compact = await page.evaluate((query) => matchMedia(query).matches, compactBarQuery);
  const more = bar(page).getByRole('button', { name: 'Mehr', exact: true });
  await more.waitFor({ ...wait, state: compact ? 'visible' : 'detached' });
}

async function personId(person: Person): Promise<string> {
  return (await apiAs<{ person: { id: string } }>(person, 'get', '/api/me')).person.id;
}

beforeAll(async () => {
  buildClientIfStale();
  server = await startE2eServer();
  const { apiKey, apiSecret } = inject('livekit');
  livekit = new RoomServiceClient(server.livekitUrl.replace(/^ws/, 'http'), apiKey, apiSecret);
  browser = await launchChromium();
  olga = await openPerson(browser, 'Olga Organisatorin', server.url);
  sam = await openPerson(browser, 'Sami Sprecher', server.url);
  anna = await openPerson(browser, 'Anna Arnsberg', server.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(
  'consent: nothing goes live that its owner did not switch on',
  { timeout: 180_000 },
  () => {
    it('enters the plenary with only what each person switched on in the device check', async () => {
      await join(olga, await server.invite('organizer'));
      await join(sam, await server.invite('speaker'), ['Mikrofon']);
      await join(anna, await server.invite('attendee'));
      const rooms = await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`);
      plenary = rooms.find((r) => r.kind === 'plenary')!;
      group = rooms.find((r) => r.kind === 'working_group')!;

      await expectPublished(plenary.id, olga, []);
      await expectPublished(plenary.id, sam, ['microphone'], 0);
      await expectPublished(plenary.id, anna, [], 0);
      await expect(barToggle(olga.page, 'Kamera').getAttribute('aria-pressed')).resolves.toBe(
        'false',
      );
      await checkA11y(olga.page, 'consent-organizer-entered');
    });

    it('publishes what a person presses in the control bar, and only that', async () => {
      await barToggle(olga.page, 'Kamera').click();
      await expectPublished(plenary.id, olga, ['camera']);
      await barToggle(sam.page, 'Kamera').click();
      await expectPublished(plenary.id, sam, ['camera', 'microphone']);
    });

    it('gives an attendee the word with a notice and publishes nothing until pressed', async () => {
      await apiAs(
        olga,
        'post',
        `/api/rooms/${plenary.id}/participants/${await personId(anna)}/promote`,
      );
      const notice = anna.page.getByRole('group', { name: 'Sie haben das Wort' });
      await notice.waitFor(wait);
      await expectPublished(plenary.id, anna, [], 4000);
      await checkA11y(anna.page, 'consent-floor-notice');
      expect(await violationsIn(anna.page, ['.floor-notice', '.control-bar'])).toEqual([]);

      await notice.getByRole('button', { name: 'Mikrofon einschalten' }).click();
      await expectPublished(plenary.id, anna, ['microphone']);
      await expect(notice.count()).resolves.toBe(0);
      await expect(barToggle(anna.page, 'Mikrofon').getAttribute('aria-pressed')).resolves.toBe(
        'true',
      );
    });

    it('keeps each switch as it was when the phase moves people into their group', async () => {
      const groups = (await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`)).filter(
        (r) => r.kind === 'working_group',
      );
      phase = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
        title: 'Arbeitsgruppen',
        roomIds: groups.map((g) => g.id),
        durationMinutes: 30,
        selfSelect: false,
      });
      for (const person of [anna, sam]) {
        await apiAs(olga, 'post', `/api/phases/${phase.id}/move`, {
          personId: await personId(person),
          roomId: group.id,
        });
      }
      await apiAs(olga, 'post', `/api/phases/${phase.id}/open`);
      for (const person of [anna, sam]) {
        await person.page.getByRole('heading', { name: `Sie sind in ${group.name}` }).waitFor(wait);
      }
      // Anna pressed only her microphone: her camera stays off. Sami's camera stays on.
      await expectPublished(group.id, anna, ['microphone']);
      await expectPublished(group.id, sam, ['camera', 'microphone'], 0);
      await screenshot(anna.page, 'consent-group-kept');
    });

    it('starts a visit with microphone and camera off, and restores the plenary on the way back', async () => {
      const visit = olga.page.getByRole('region', { name: 'Gruppe besuchen' });
      await visit.getByLabel('Arbeitsgruppe').selectOption({ label: group.name });
      await visit.getByRole('button', { name: 'Gruppe besuchen' }).click();
      await olga.page.getByRole('heading', { name: `Sie sind in ${group.name}` }).waitFor(wait);
      await expectPublished(group.id, olga, []);
      await screenshot(olga.page, 'consent-visit-muted');

      await visit.getByRole('button', { name: 'Zurück ins Plenum' }).click();
      await olga.page.getByRole('heading', { name: 'Sie sind im Plenum' }).waitFor(wait);
      await expectPublished(plenary.id, olga, ['camera']);
    });

    it('keeps the switches on the way back from the group when the phase closes', async () => {
      await apiAs(olga, 'post', `/api/phases/${phase.id}/close`);
      for (const person of [anna, sam]) {
        await person.page.getByRole('heading', { name: 'Sie sind im Plenum' }).waitFor(wait);
      }
      await expectPublished(plenary.id, sam, ['camera', 'microphone']);
      // Whatever right Anna has in the plenary now, her camera never went on.
      const annas = await published(plenary.id, anna);
      expect(annas ?? []).not.toContain('camera');
    });
  },
);

describe('controls in reach', { timeout: 120_000 }, () => {
  it('shows what is on now above the stage', async () => {
    const agenda = await apiAs<{ id: string; title: string; roomId: string | null }[]>(
      olga,
      'get',
      `/api/events/${server.slug}/agenda`,
    );
    const talk = agenda.find((item) => item.roomId === plenary.id)!;
    await apiAs(olga, 'post', `/api/events/${server.slug}/agenda/${talk.id}/start`);
    const now = anna.page.locator('.stage-now').getByText(`Jetzt: ${talk.title}`);
    await now.waitFor(wait);
    const [line, stage] = await Promise.all([
      now.boundingBox(),
      anna.page.locator('.stage').first().boundingBox(),
    ]);
    expect(line!.y).toBeLessThan(stage!.y);
  });

  it('keeps the control bar’s buttons inside the window at 1366×768 and 360×740', async () => {
    for (const [person, label] of [
      [olga, 'organizer'],
      [anna, 'attendee'],
    ] as const) {
      for (const size of [
        { width: 1366, height: 768 },
        { width: 360, height: 740 },
      ]) {
        await resizeTo(person.page, size);
        await person.page.evaluate(() => window.scrollTo(0, 0));
        await bar(person.page).waitFor(wait);
        expect(await barButtonsOutsideViewport(person.page), `${label} ${size.width}`).toEqual([]);
        await person.page.screenshot({
          path: `${artifactsDir}controls-${label}-${size.width}x${size.height}.png`,
        });
        expect(await violationsIn(person.page, ['.control-bar', '.stage-now'])).toEqual([]);
      }
    }
  });

  it('keeps the bar one row at 360×740, its buttons named as on a wide window', async () => {
    for (const [person, label] of [
      [olga, 'organizer'],
      [anna, 'attendee'],
    ] as const) {
      const { page } = person;
      await resizeTo(page, { width: 1366, height: 768 });
      const wide = await barButtons(page);
      expect(wide.map((b) => b.name)).not.toContain('Mehr');

      await page.setViewportSize({ width: 360, height: 740 });
      const more = bar(page).getByRole('button', { name: 'Mehr', exact: true });
      await more.waitFor(wait);
      // One row: at most about 64 px of the 740, and every button a 44 px target.
      const height = (await bar(page).boundingBox())!.height;
      expect(height, `${label} bar height`).toBeLessThanOrEqual(64);
      const narrow = await barButtons(page);
      for (const button of narrow) {
        expect(button.name, label).not.toBe('');
        expect(button.width, `${label} ${button.name}`).toBeGreaterThanOrEqual(44);
        expect(button.height, `${label} ${button.name}`).toBeGreaterThanOrEqual(44);
      }
      // The toggles say on or off by aria-pressed alone, with the same name at both widths.
      for (const toggle of narrow.filter((b) => b.pressed !== null)) {
        expect(wide.find((b) => b.name === toggle.name)?.pressed, toggle.name).toBe(toggle.pressed);
      }

      // "Mehr" by keyboard: Enter opens what the row has no room for, Escape closes it.
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
      const panel = page.getByRole('group', { name: 'Weitere Steuerelemente' });
      await panel.waitFor(wait);
      const inMore = await barButtons(page, '#control-more-panel');
      expect(inMore.length, label).toBeGreaterThan(0);
      expect(inMore.filter((b) => !b.inside || b.height < 44).map((b) => b.name)).toEqual([]);
      await page.screenshot({ path: `${artifactsDir}controls-${label}-360x740-more.png` });
      expect(await violationsIn(page, ['.control-bar'])).toEqual([]);
      if (label === 'attendee') {
        // The reactions inside "Mehr": one Escape closes the reactions only, the next one "Mehr".
        const reactionsButton = panel.getByRole('button', { name: 'Reaktionen', exact: true });
        await reactionsButton.focus();
        await page.keyboard.press('Enter');
        const reactionsList = page.locator('#reactions-list');
        await reactionsList.waitFor(wait);
        await page.keyboard.press('Escape');
        await reactionsList.waitFor({ ...wait, state: 'detached' });
        await expect(panel.isVisible()).resolves.toBe(true);
        expect(await reactionsButton.evaluate((el) => el === document.activeElement)).toBe(true);
      } else {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Escape');
      await panel.waitFor({ ...wait, state: 'detached' });
      expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);

      // Everything of the wide bar is there on the phone, under the same name.
      const names = (buttons: { name: string }[]) => buttons.map((b) => b.name).sort();
      expect(names([...narrow.filter((b) => b.name !== 'Mehr'), ...inMore]), label).toEqual(
        names(wide),
      );
    }
    await olga.page.setViewportSize({ width: 1366, height: 768 });
    await anna.page.setViewportSize({ width: 1366, height: 768 });
  });

  it('reaches every control by keyboard, the switches with their state', async () => {
    const { page } = olga;
    await resizeTo(page, { width: 1366, height: 768 });
    await barToggle(page, 'Bildschirm teilen').waitFor(wait);
    const names = await bar(page)
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.textContent?.trim() ?? ''));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of ['Mikrofon', 'Kamera', 'Bildschirm teilen']) {
      await expect(
        barToggle(page, name as 'Mikrofon').getAttribute('aria-pressed'),
      ).resolves.toMatch(/^(true|false)$/);
    }
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    for (let i = 0; i < 250 && reached.size < names.length; i += 1) {
      await page.keyboard.press('Tab');
      const inBar = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('.control-bar') ? (el.textContent?.trim() ?? '') : null;
      });
      if (inBar !== null) reached.add(inBar);
    }
    expect([...reached].sort()).toEqual([...names].sort());
  });

  it('shows a group choice above the stage when it opens, with each group’s topic and moderators', async () => {
    const groups = (await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`)).filter(
      (r) => r.kind === 'working_group',
    );
    const choice = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
      title: 'Gruppenwahl',
      roomIds: groups.map((g) => g.id),
      durationMinutes: 30,
      selfSelect: true,
    });
    // The choice opens as the organizers set the phase up; opening it places whoever has not chosen.
    const { page } = anna;
    await page.setViewportSize({ width: 1366, height: 768 });
    const notice = page.getByRole('region', { name: 'Arbeitsgruppe wählen: Gruppenwahl' });
    await notice.waitFor(wait);
    await page
      .getByRole('status')
      .getByText(/Die Gruppenwahl ist offen: Gruppenwahl/)
      .waitFor(wait);
    const group = choice.groups[0]!;
    expect(group.description).toBeTruthy();
    await notice.getByText(group.description!).waitFor();
    await notice.getByText(`Moderation: ${group.moderators![0]!.displayName}`).waitFor();
    // Above the stage, in the first screen.
    const [box, stage] = await Promise.all([
      notice.boundingBox(),
      page.locator('.stage').first().boundingBox(),
    ]);
    expect(box!.y).toBeLessThan(stage!.y);
    expect(box!.y).toBeLessThan(768);
    await checkA11y(page, 'controls-group-choice');
    expect(await violationsIn(page, ['.group-chooser', '.control-bar'])).toEqual([]);
  });
});
