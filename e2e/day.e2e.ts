import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Phase, Room } from '@plenum/shared';
import {
  launchChromium,
  openPerson,
  screenshot,
  seriousViolations,
  videoOfPlays,
  type Person,
} from './support/browser.ts';
import {
  askedCamera,
  askedMicrophone,
  captureCalls,
  chosenMicrophone,
  previewPlays,
  recordCapture,
} from './support/devices.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';
import { announced, apiAs, checkA11y } from './support/pages.ts';

/**
 * The reference day in a real browser: one organizer and two attendees, each in their own
 * Chromium context with a fake camera, against the real server and a real LiveKit.
 */
const wait = { timeout: 30_000, interval: 250 };

let server: E2eServer;
let browser: Browser;
let olga: Person;
let anna: Person;
let ben: Person;
let groupTwo: Room;
let phase: Phase;
/** The microphone Anna picks in the device check; every room must open this one. */
let annasMicrophone: string;
let annasCamera: string;
let microphonesBeforeGroup = 0;

/** The microphones the page asked the browser for, in order. */
async function microphonesAsked(person: Person): Promise<string[]> {
  return (await captureCalls(person.page)).map(askedMicrophone).filter((id) => id !== null);
}

async function camerasAsked(person: Person): Promise<string[]> {
  return (await captureCalls(person.page)).map(askedCamera).filter((id) => id !== null);
}

/**
 * Joins by link and passes the camera and microphone check: presenters' check starts by itself,
 * attendees start it. With `check`, Anna does it by keyboard, picks another microphone, and the
 * screens are checked with axe.
 */
async function join(person: Person, link: string, check = false) {
  const { page } = person;
  await page.goto(link);
  await page.getByLabel('Anzeigename').fill(person.name);
  if (check) {
    await screenshot(page, 'join');
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.getByRole('button', { name: 'Teilnehmen' }).click();
  await page.getByRole('heading', { name: 'Kamera und Mikrofon prüfen' }).waitFor(wait);
  const start = page.getByRole('button', { name: 'Kamera und Mikrofon testen' });
  if (check) {
    // Keyboard only: the step's heading has the focus, the next stop is the start button.
    await page.keyboard.press('Tab');
    await expect(start.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    // Back at the step's heading: a second Enter does not skip the check it just started.
    await expect(
      page
        .getByRole('heading', { name: 'Kamera und Mikrofon prüfen' })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
  } else if (await start.count()) {
    await start.click();
  }
  await expect.poll(() => previewPlays(page), wait).toBe(true);
  // Presenters enter with camera and microphone only because they switch them on here.
  for (const name of ['Mit Kamera eintreten', 'Mit Mikrofon eintreten']) {
    const enterWith = page.getByRole('button', { name });
    if (await enterWith.count()) await enterWith.click();
  }
  if (check) {
    annasCamera = await page.getByRole('combobox', { name: 'Kamera' }).inputValue();
    await page
      .getByRole('combobox', { name: 'Mikrofon' })
      .selectOption({ label: 'Fake Audio Input 1' });
    annasMicrophone = await chosenMicrophone(page);
    await page.getByText('Ihr Mikrofon nimmt Ton auf.').waitFor(wait);
    await expect(page.getByRole('meter', { name: 'Mikrofonpegel' }).count()).resolves.toBe(1);
    await screenshot(page, 'device-check');
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.getByRole('button', { name: 'Weiter zur Veranstaltung' }).click();
  await page.waitForURL(/\/e\//);
  await person.page.getByRole('heading', { level: 1, name: /Forum Sozialplanung/ }).waitFor();
  await person.page.getByText('Live verbunden').waitFor();
}

async function personId(person: Person): Promise<string> {
  return (await apiAs<{ person: { id: string } }>(person, 'get', '/api/me')).person.id;
}

describe('a day at the forum in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    buildClientIfStale();
    server = await startE2eServer();
    browser = await launchChromium();
    olga = await openPerson(browser, 'Olga Organisatorin', server.url);
    anna = await openPerson(browser, 'Anna Arnsberg', server.url);
    ben = await openPerson(browser, 'Ben Bochum', server.url);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets everyone join by invitation link and shows the organizer on the stage', async () => {
    await recordCapture(anna.context);
    await join(olga, await server.invite('organizer'));
    await join(anna, await server.invite('attendee'), true);
    await join(ben, await server.invite('attendee'));

    await expect.poll(() => videoOfPlays(anna.page, olga.name), wait).toBe(true);
    await expect.poll(() => videoOfPlays(ben.page, olga.name), wait).toBe(true);
    await anna.page.getByText('Sie sehen und hören zu.').waitFor();
    await screenshot(anna.page, 'plenary-attendee');
    expect(await seriousViolations(anna.page)).toEqual([]);
  });

  it('carries the chat both ways', async () => {
    const annaInput = anna.page.getByLabel('Nachricht an Plenum');
    await annaInput.fill('Guten Morgen aus Arnsberg! Folien: https://example.org/folien.pdf');
    await annaInput.press('Enter');
    await olga.page.locator('.chat-list').getByText('Guten Morgen aus Arnsberg!').waitFor();
    await expect(
      olga.page.getByRole('link', { name: 'https://example.org/folien.pdf' }).count(),
    ).resolves.toBe(1);

    await olga.page.getByLabel('Nachricht an Plenum').fill('Willkommen, Anna!');
    await olga.page.getByRole('button', { name: 'Senden' }).click();
    await anna.page.locator('.chat-list').getByText('Willkommen, Anna!').waitFor();
    await ben.page.locator('.chat-list').getByText('Willkommen, Anna!').waitFor();
  });

  it('gives a raised hand the word through the moderator’s queue', async () => {
    await anna.page.getByRole('button', { name: 'Hand heben' }).click();
    await anna.page.getByText('Sie sind Nummer 1 in der Reihe.').waitFor();

    await olga.page.getByRole('tab', { name: 'Wortmeldungen (1)' }).click();
    await screenshot(olga.page, 'organizer-hand-queue');
    expect(await seriousViolations(olga.page)).toEqual([]);
    await olga.page.getByRole('button', { name: `Nächste aufrufen: ${anna.name}` }).click();

    // Promoted live, without reconnecting: a notice and her controls appear, nothing goes live
    // until she presses; then her microphone and camera reach Olga.
    const floor = anna.page.getByRole('group', { name: 'Sie haben das Wort' });
    await floor.getByRole('button', { name: 'Mikrofon einschalten' }).click(wait);
    await anna.page.getByRole('button', { name: 'Kamera', exact: true }).click(wait);
    await expect.poll(() => videoOfPlays(olga.page, anna.name), wait).toBe(true);
    // Her microphone is the one she chose in the device check, not the browser's default.
    await expect
      .poll(async () => (await microphonesAsked(anna)).at(-1), wait)
      .toBe(annasMicrophone);
    microphonesBeforeGroup = (await microphonesAsked(anna)).length;
    await screenshot(anna.page, 'attendee-promoted');
  });

  it('moves both attendees into their working group by themselves, where they see each other', async () => {
    const rooms = await apiAs<Room[]>(olga, 'get', `/api/events/${server.slug}/rooms`);
    const groups = rooms.filter((r) => r.kind === 'working_group');
    groupTwo = groups[1]!;
    phase = await apiAs<Phase>(olga, 'post', `/api/events/${server.slug}/phases`, {
      title: 'Parallele Arbeitsgruppen',
      roomIds: groups.map((g) => g.id),
      durationMinutes: 30,
      selfSelect: false,
    });
    for (const person of [anna, ben]) {
      await apiAs(olga, 'post', `/api/phases/${phase.id}/move`, {
        personId: await personId(person),
        roomId: groupTwo.id,
      });
    }
    await apiAs(olga, 'post', `/api/phases/${phase.id}/open`);

    for (const person of [anna, ben]) {
      await person.page
        .getByRole('heading', { name: `Sie sind in ${groupTwo.name}` })
        .waitFor(wait);
      await person.page
        .getByRole('status')
        .getByText(`Sie sind jetzt in ${groupTwo.name}.`)
        .waitFor(wait);
      await person.page.getByText('Verbleibende Zeit:').waitFor();
    }
    // Anna's camera and microphone came along as she left them; Ben switches his camera on.
    await ben.page.getByRole('button', { name: 'Kamera', exact: true }).click(wait);
    await expect.poll(() => videoOfPlays(anna.page, ben.name), wait).toBe(true);
    await expect.poll(() => videoOfPlays(ben.page, anna.name), wait).toBe(true);
    // The group's room opened the microphone again, and it is still the one she chose.
    const microphones = await microphonesAsked(anna);
    expect(microphones.length).toBeGreaterThan(microphonesBeforeGroup);
    expect(microphones.at(-1)).toBe(annasMicrophone);
    // And her camera is the one the check showed, asked for by id rather than "the default".
    expect((await camerasAsked(anna)).at(-1)).toBe(annasCamera);
    await screenshot(ben.page, 'working-group');
    expect(await seriousViolations(ben.page)).toEqual([]);
  });

  it('keeps the group’s chat within the group', async () => {
    await ben.page.getByLabel(`Nachricht an ${groupTwo.name}`).fill('Wer schreibt mit?');
    await ben.page.getByLabel(`Nachricht an ${groupTwo.name}`).press('Enter');
    await anna.page.locator('.chat-list').getByText('Wer schreibt mit?').waitFor(wait);
    await ben.page.getByRole('tab', { name: 'Personen' }).click();
    await ben.page.getByRole('heading', { name: `In ${groupTwo.name}: 2 Personen` }).waitFor(wait);
    await ben.page.getByRole('tab', { name: 'Chat' }).click();
    expect(await olga.page.locator('.chat-list').getByText('Wer schreibt mit?').count()).toBe(0);
  });

  it('shares the group’s notes', async () => {
    // Written live: no save button, the status says when the server has it.
    await anna.page
      .getByLabel('Notizen (Markdown)')
      .fill('# Ergebnisse\n\n- **Beteiligung** früh planen');
    await anna.page.locator('.notes-status').getByText('Gespeichert').waitFor(wait);
    await expect
      .poll(() => ben.page.getByLabel('Notizen (Markdown)').inputValue(), wait)
      .toContain('früh planen');
  });

  it('finds the group again after a reload', async () => {
    await ben.page.reload();
    await ben.page.getByRole('heading', { name: `Sie sind in ${groupTwo.name}` }).waitFor(wait);
    await expect.poll(() => videoOfPlays(ben.page, anna.name), wait).toBe(true);
    await expect.poll(() => videoOfPlays(anna.page, ben.name), wait).toBe(true);
    await expect
      .poll(() => ben.page.getByLabel('Notizen (Markdown)').inputValue(), wait)
      .toContain('früh planen');
  });

  it('brings an announcement to all groups', async () => {
    const cookie = (await olga.context.cookies()).find((c) => c.name === 'plenum_session')!;
    const socket = io(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: `${cookie.name}=${cookie.value}` },
      auth: { event: server.slug },
    });
    try {
      const ack = await socket.timeout(10_000).emitWithAck('chat:announce', {
        scope: 'working_groups',
        clientId: randomUUID(),
        body: 'Noch 5 Minuten, bitte kommen Sie zum Ende.',
      });
      expect(ack).toMatchObject({ ok: true });
    } finally {
      socket.disconnect();
    }
    for (const person of [anna, ben]) {
      const banner = person.page.getByRole('complementary', { name: `Durchsage von ${olga.name}` });
      await banner.getByText('Noch 5 Minuten, bitte kommen Sie zum Ende.').waitFor(wait);
    }
    await screenshot(anna.page, 'announcement');
    expect(await seriousViolations(anna.page)).toEqual([]);
  });

  it('brings everyone back to the plenary when the phase closes', async () => {
    await apiAs(olga, 'post', `/api/phases/${phase.id}/close`);
    for (const person of [anna, ben]) {
      await person.page.getByRole('heading', { name: 'Sie sind im Plenum' }).waitFor(wait);
      await person.page.getByRole('status').getByText('Sie sind zurück im Plenum.').waitFor(wait);
      await expect.poll(() => videoOfPlays(person.page, olga.name), wait).toBe(true);
    }
    await anna.page
      .getByRole('heading', { name: 'Ergebnisse: Parallele Arbeitsgruppen' })
      .waitFor();
    // "5 minutes left" was for the groups; it does not follow anyone into the plenary.
    await expect(anna.page.getByRole('complementary', { name: /Durchsage/ }).count()).resolves.toBe(
      0,
    );
    await screenshot(anna.page, 'back-in-plenary');
    expect(await seriousViolations(anna.page)).toEqual([]);
  });

  it('reads in English and fits a phone', async () => {
    await ben.page.getByRole('button', { name: 'English' }).click();
    await ben.page.getByRole('heading', { name: 'You are in the Plenum' }).waitFor();
    await ben.page.setViewportSize({ width: 360, height: 800 });
    await ben.page.getByRole('button', { name: 'Raise hand' }).waitFor();
    // The stage comes first on a small screen, before the conversation.
    const [stage, side] = await Promise.all(
      ['.stage', '.event-side'].map((s) => ben.page.locator(s).first().boundingBox()),
    );
    expect(stage!.y).toBeLessThan(side!.y);
    expect(stage!.width).toBeLessThanOrEqual(360);
    await screenshot(ben.page, 'english-phone');
    expect(await seriousViolations(ben.page)).toEqual([]);
  });

  it('lets an attendee who only watches skip the device check in English, without a camera prompt', async () => {
    const bernd = await openPerson(browser, 'Bernd Beobachter', server.url);
    try {
      await recordCapture(bernd.context);
      await bernd.page.goto(await server.invite('attendee'));
      await bernd.page.getByRole('button', { name: 'English' }).click();
      await bernd.page.getByLabel('Display name').fill(bernd.name);
      await bernd.page.getByRole('button', { name: 'Join' }).click();
      const check = bernd.page.getByRole('heading', { name: 'Check your camera and microphone' });
      await check.waitFor(wait);
      // A reload brings back the check, not the form of a link already redeemed.
      await bernd.page.reload();
      await check.waitFor(wait);
      await expect(bernd.page.getByLabel('Display name').count()).resolves.toBe(0);
      await bernd.page.getByRole('button', { name: 'Test camera and microphone' }).waitFor();
      await checkA11y(bernd.page, 'device-check-watcher-english');
      await bernd.page.getByRole('button', { name: 'Skip — I only watch' }).click();
      await bernd.page.waitForURL(/\/e\//);
      await bernd.page.getByText('Live connected').waitFor(wait);
      await announced(bernd.page, 'Camera and microphone stay off.');
      await expect(captureCalls(bernd.page)).resolves.toEqual([]);
      // Nothing remembered as on, and this tab's session has everything off.
      const stored = await bernd.page.evaluate(() => localStorage.getItem('plenum.media'));
      expect(JSON.parse(stored ?? '{}')).not.toMatchObject({ camera: true });
      expect(JSON.parse(stored ?? '{}')).not.toMatchObject({ microphone: true });
      const session = await bernd.page.evaluate(() =>
        sessionStorage.getItem('plenum.session-media'),
      );
      expect(JSON.parse(session ?? '{}')).toMatchObject({
        on: { camera: false, microphone: false, screen: false },
      });
    } finally {
      await bernd.context.close();
    }
  });

  it('asked nobody but our own server and our LiveKit, and configured no ICE server', async () => {
    const allowed = new Set([
      new URL(server.url).origin,
      new URL(server.url.replace(/^http/, 'ws')).origin,
      new URL(server.livekitUrl).origin,
      new URL(server.livekitUrl.replace(/^ws/, 'http')).origin,
    ]);
    for (const person of [olga, anna, ben]) {
      const foreign = person.requests.filter(
        (u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowed.has(new URL(u).origin),
      );
      expect(foreign, person.name).toEqual([]);
      expect(person.requests.some((u) => u.startsWith(server.livekitUrl))).toBe(true);
      const configs = (await person.rtcConfigs()) as { iceServers?: unknown[] }[];
      expect(configs.length, person.name).toBeGreaterThan(0);
      for (const config of configs) expect(config.iceServers ?? [], person.name).toEqual([]);
    }
  });
});
