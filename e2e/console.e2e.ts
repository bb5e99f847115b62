import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { AgendaItem } from '@plenum/shared';
import {
  launchChromium,
  openPerson,
  screenshot,
  videoOfPlays,
  type Person,
} from './support/browser.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './support/server.ts';
import { relayJoinedParticipants } from './support/webhooks.ts';
import { announced, checkA11y, joinByLink } from './support/pages.ts';
import { berlinWallClock, frabSchedule } from './support/agenda-data.ts';

/**
 * The organizer console in a real browser: an organizer sets up a working group and a phase,
 * moves an attendee by keyboard, opens the phase, broadcasts, answers a call for help by visiting
 * the group, and closes the phase — all through the console's buttons. The attendee, in a second
 * browser context, is moved by the server and sees what the organizer did.
 */
const wait = { timeout: 30_000, interval: 250 };
const group = 'AG Konsole';
const phaseTitle = 'Konsolen-Phase';

let server: E2eServer;
let browser: Browser;
let olga: Person;
let anna: Person;

/** Opens a tab of the console and returns its panel. */
async function consoleTab(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Bereiche der Organisationskonsole' }).waitFor();
  await page.getByRole('tab', { name }).click();
  const panel = page.getByRole('tabpanel', { name });
  await panel.waitFor();
  return panel;
}

describe('the organizer console in the browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    buildClientIfStale();
    server = await startE2eServer();
    browser = await launchChromium();
    olga = await openPerson(browser, 'Olga Organisatorin', server.url);
    anna = await openPerson(browser, 'Anna Arnsberg', server.url);
    await olga.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the console to the organizer only', async () => {
    await joinByLink(olga, await server.invite('organizer'), 'check');
    await joinByLink(anna, await server.invite('attendee'), 'check');
    // The console is its own view, beside a small stage and the chat.
    await olga.page.getByRole('link', { name: 'Organisationskonsole öffnen' }).click();
    await olga.page.waitForURL(/\/console$/);
    await olga.page.getByRole('heading', { name: 'Organisationskonsole' }).waitFor(wait);
    await consoleTab(olga.page, 'Programm');
    await expect(anna.page.getByText('Organisationskonsole').count()).resolves.toBe(0);
    await expect(
      anna.page.getByRole('tablist', { name: /Organisationskonsole/ }).count(),
    ).resolves.toBe(0);
  });

  it('edits the agenda in the event’s time zone and names an overlap at the form', async () => {
    const panel = await consoleTab(olga.page, 'Programm');
    const agenda = (await (
      await olga.context.request.get(`/api/events/${server.slug}/agenda`)
    ).json()) as AgendaItem[];
    const coffee = agenda.find((i) => i.title === 'Kaffeepause')!;
    const during = berlinWallClock(
      new Date(Date.parse(coffee.startsAt) + 5 * 60_000).toISOString(),
    );

    await panel.getByRole('button', { name: 'Programmpunkt hinzufügen' }).click();
    const form = panel.getByRole('form', { name: 'Neuer Programmpunkt' });
    const suggested = {
      date: await form.getByLabel('Datum').inputValue(),
      time: await form.getByLabel(/^Beginn/).inputValue(),
    };
    await form.getByLabel(/^Titel/).fill('Fragen aus dem Publikum');
    await form.getByLabel('Datum').fill(during.date);
    await form.getByLabel(/^Beginn/).fill(during.time);
    await form.getByLabel(/^Dauer/).fill('10');
    await form.getByRole('button', { name: 'Programmpunkt anlegen' }).click();
    await form.getByText('Überschneidet sich mit „Kaffeepause“').waitFor(wait);
    await expect(form.getByLabel(/^Beginn/).getAttribute('aria-invalid')).resolves.toBe('true');
    await checkA11y(olga.page, 'console-agenda-overlap');

    // Where the agenda ends (the form's suggestion) the item fits.
    await form.getByLabel('Datum').fill(suggested.date);
    await form.getByLabel(/^Beginn/).fill(suggested.time);
    await form.getByRole('button', { name: 'Programmpunkt anlegen' }).click();
    await announced(olga.page, 'Programmpunkt „Fragen aus dem Publikum“ angelegt.');
    const row = panel.getByRole('listitem').filter({ hasText: 'Fragen aus dem Publikum' });
    await row.getByRole('button', { name: 'Jetzt starten Fragen aus dem Publikum' }).click();
    await row.getByText('Läuft gerade').waitFor(wait);
    // Everyone's agenda follows live.
    await anna.page.locator('.agenda-item-live').getByText('Fragen aus dem Publikum').waitFor(wait);
    await row.getByRole('button', { name: 'Jetzt beenden Fragen aus dem Publikum' }).click();
    await announced(olga.page, '„Fragen aus dem Publikum“ ist beendet.');

    // A pretalx/Frab export: the plenary's session comes in, the side room's is reported.
    await panel.getByText('Programm importieren (pretalx/Frab-XML)').click();
    await panel.getByLabel('XML-Datei').setInputFiles({
      name: 'schedule.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(frabSchedule(suggested.date)),
    });
    await panel.getByRole('button', { name: 'Importieren' }).click();
    await panel.getByText('1 Programmpunkt importiert, 1 übersprungen.').first().waitFor(wait);
    await panel.getByText('Findet in „Raum B“ statt, nicht im Plenum.', { exact: false }).waitFor();
    await anna.page.locator('.agenda').getByText('Ausblick aus dem Import').waitFor(wait);
  });

  it('creates a working group, refusing an empty name first', async () => {
    const panel = await consoleTab(olga.page, 'Arbeitsgruppen');
    await panel.getByRole('button', { name: 'Arbeitsgruppe hinzufügen' }).click();
    const form = panel.getByRole('form', { name: 'Neue Arbeitsgruppe' });
    await form.getByRole('button', { name: 'Arbeitsgruppe anlegen' }).click();
    await form.getByText('Bitte füllen Sie dieses Feld aus.').waitFor();
    await expect(
      form.getByLabel(/^Name/).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);

    await form.getByLabel(/^Name/).fill(group);
    await form.getByLabel('Beschreibung').fill('Erprobt die Organisationskonsole.');
    await form.getByLabel(/^Plätze/).fill('10');
    await form.getByRole('button', { name: 'Arbeitsgruppe anlegen' }).click();
    await announced(olga.page, `Arbeitsgruppe „${group}“ angelegt.`);
    await panel.getByRole('listitem').filter({ hasText: group }).getByText('10 Plätze').waitFor();
    await checkA11y(olga.page, 'console-groups');
  });

  it('sets up a phase and moves the attendee by keyboard', async () => {
    const panel = await consoleTab(olga.page, 'Phasen');
    await panel.getByRole('button', { name: 'Phase hinzufügen' }).click();
    const form = panel.getByRole('form', { name: 'Neue Phase' });
    await form.getByLabel(/^Titel/).fill(phaseTitle);
    for (const name of [/^AG 1:/, /^AG 2:/, /^AG 3:/]) {
      await form.getByRole('checkbox', { name }).uncheck();
    }
    await expect(
      form.getByRole('checkbox', { name: new RegExp(`^${group}`) }).isChecked(),
    ).resolves.toBe(true);
    await form.getByLabel(/^Dauer/).fill('20');
    await form.getByLabel('Teilnehmende wählen ihre Gruppe selbst').uncheck();
    await form.getByRole('button', { name: 'Phase anlegen', exact: true }).click();
    await announced(olga.page, `Phase „${phaseTitle}“ angelegt.`);

    const card = panel.getByRole('article', { name: new RegExp(phaseTitle) });
    await card.getByText('in Vorbereitung').waitFor();
    await card.locator('summary', { hasText: `Zuteilung: ${phaseTitle}` }).click();
    const select = card.getByRole('combobox', { name: `Gruppe für ${anna.name}` });
    await select.focus();
    await olga.page.keyboard.press('Tab');
    await expect(
      olga.page.evaluate(() => document.activeElement?.textContent ?? ''),
    ).resolves.toContain('Verschieben');
    await olga.page.keyboard.press('Enter');
    await announced(olga.page, `${anna.name} ist jetzt in ${group}.`);
    // Focus stays where it was: the next person can be moved at once.
    await expect(
      olga.page.evaluate(() => document.activeElement?.textContent ?? ''),
    ).resolves.toContain('Verschieben');
    await card
      .getByRole('row', { name: new RegExp(anna.name) })
      .getByText(`${group} · von Hand`)
      .waitFor(wait);

    // A pre-assignment list whose rows match nothing: the report says why, row by row.
    await card.getByText('Vorab-Zuteilung aus CSV-Datei').click();
    await card.getByLabel('CSV-Datei').setInputFiles({
      name: 'zuteilung.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Name;Arbeitsgruppe\nNiemand Unbekannt;${group}\n${anna.name};AG 9\n`),
    });
    await card.getByRole('button', { name: 'Hochladen und zuteilen' }).click();
    const report = card.getByRole('table', { name: 'Zeilen ohne Treffer' });
    await report.waitFor(wait);
    await report
      .getByText('Keine teilnehmende Person mit dieser E-Mail-Adresse oder diesem Namen.')
      .waitFor();
    await report.getByText('Keine Arbeitsgruppe mit dem Namen „AG 9“ in dieser Phase.').waitFor();
    await checkA11y(olga.page, 'console-phase-draft');
  });

  it('opens the phase from the console and the attendee lands in the group', async () => {
    const panel = await consoleTab(olga.page, 'Phasen');
    const card = panel.getByRole('article', { name: new RegExp(phaseTitle) });
    await card.getByRole('button', { name: `Phase öffnen ${phaseTitle}` }).click();
    const dialog = olga.page.getByRole('dialog', { name: `„${phaseTitle}“ öffnen?` });
    await dialog.waitFor();
    // The safe choice has focus first.
    await expect(olga.page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toBe(
      'Abbrechen',
    );
    await checkA11y(olga.page, 'console-open-dialog');
    await dialog.getByRole('button', { name: 'Phase öffnen' }).click();

    await anna.page.getByRole('heading', { name: `Sie sind in ${group}` }).waitFor(wait);
    await announced(anna.page, `Sie sind jetzt in ${group}.`);
    await card.getByText('läuft').waitFor(wait);
    await card.getByText('Verbleibende Zeit:').waitFor();
    await screenshot(anna.page, 'console-attendee-in-group');
  });

  it('sends a broadcast from the console that reaches the group', async () => {
    const panel = await consoleTab(olga.page, 'Phasen');
    const broadcast = panel.getByRole('form', { name: 'Durchsage' });
    await broadcast
      .getByLabel('Text der Durchsage')
      .fill('Noch 5 Minuten, bitte kommen Sie zum Ende.');
    await expect(broadcast.getByLabel('Alle Arbeitsgruppen').isChecked()).resolves.toBe(true);
    await broadcast.getByRole('button', { name: 'Durchsage senden' }).click();
    await announced(olga.page, 'Durchsage an alle Arbeitsgruppen gesendet.');

    const banner = anna.page.getByRole('complementary', { name: `Durchsage von ${olga.name}` });
    await banner.getByText('Noch 5 Minuten, bitte kommen Sie zum Ende.').waitFor(wait);
    await checkA11y(anna.page, 'console-broadcast-received');
  });

  it('lists a call for help and visits the group from it', async () => {
    await anna.page.getByRole('button', { name: 'Hilfe anfordern' }).click();
    const panel = await consoleTab(olga.page, 'Phasen');
    const help = panel.getByRole('region', { name: /Hilfe angefordert: 1 Anfrage/ });
    await help.waitFor(wait);
    await checkA11y(olga.page, 'console-phase-open');

    // Anna shows her camera in her group only because she switches it on there.
    await anna.page.getByRole('button', { name: 'Kamera', exact: true }).click();
    await help.getByRole('button', { name: `Hingehen ${group}` }).click();
    await olga.page.getByRole('heading', { name: `Sie sind in ${group}` }).waitFor(wait);
    await expect.poll(() => videoOfPlays(olga.page, anna.name), wait).toBe(true);
    await screenshot(olga.page, 'console-visiting-group');
    await olga.page.getByRole('button', { name: 'Zurück ins Plenum' }).click();
    await olga.page.getByRole('heading', { name: 'Sie sind im Plenum' }).waitFor(wait);
  });

  it('extends and then closes the phase from the console, bringing the attendee back', async () => {
    const panel = await consoleTab(olga.page, 'Phasen');
    const card = panel.getByRole('article', { name: new RegExp(phaseTitle) });
    await card.getByLabel(/^Verlängern um Minuten/).fill('10');
    await card.getByRole('button', { name: 'Verlängern', exact: true }).click();
    await announced(olga.page, 'Die Arbeitsgruppen haben 10 Minuten mehr.');

    await card.getByRole('button', { name: `Phase schließen ${phaseTitle}` }).click();
    const dialog = olga.page.getByRole('dialog', { name: `„${phaseTitle}“ schließen?` });
    await dialog.getByRole('button', { name: 'Phase schließen' }).click();

    await anna.page.getByRole('heading', { name: 'Sie sind im Plenum' }).waitFor(wait);
    await announced(anna.page, 'Sie sind zurück im Plenum.');
    await card.getByText('beendet').waitFor(wait);
    await card.getByRole('link', { name: 'Ergebnisse herunterladen (Markdown)' }).waitFor();
    await checkA11y(olga.page, 'console-phase-closed');
  });

  it('creates an invitation link with a QR code and revokes it', async () => {
    const panel = await consoleTab(olga.page, 'Einladungen');
    await panel.getByLabel('Rolle').selectOption({ label: 'Moderation' });
    await panel.getByLabel(/^Bezeichnung/).fill('AG-Moderation');
    await panel.getByRole('button', { name: 'Link erzeugen' }).click();
    const created = panel.getByRole('region', { name: 'Neuer Einladungslink für: Moderation' });
    await created.waitFor(wait);
    const link = await created.getByRole('textbox', { name: 'Einladungslink' }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]{22}$`));
    await created
      .getByRole('img', { name: 'QR-Code des Einladungslinks für: Moderation' })
      .waitFor();
    await created.getByRole('button', { name: 'Link kopieren' }).click();
    await announced(olga.page, /Link in die Zwischenablage kopiert|Strg\+C/);
    await checkA11y(olga.page, 'console-invitation');

    const row = panel.getByRole('listitem').filter({ hasText: 'Moderation – AG-Moderation' });
    await row.getByRole('button', { name: 'Zurückziehen Moderation – AG-Moderation' }).click();
    await olga.page.getByRole('dialog').getByRole('button', { name: 'Zurückziehen' }).click();
    await row.getByText('(zurückgezogen)').waitFor(wait);
    const preview = await olga.context.request.get(`/api/invitations/${link.split('/').at(-1)}`);
    expect(preview.status()).toBe(410);
  });

  it('shows attendance per room with a CSV download, also on a phone', async () => {
    // The suite's shared LiveKit does not call this server back: pass on what it reports.
    const rooms = (await (
      await olga.context.request.get(`/api/events/${server.slug}/rooms`)
    ).json()) as { id: string; kind: string }[];
    const plenary = rooms.find((r) => r.kind === 'plenary')!;
    expect(await relayJoinedParticipants(server, plenary.id)).toBeGreaterThanOrEqual(2);

    const panel = await consoleTab(olga.page, 'Anwesenheit');
    await panel.getByRole('button', { name: 'Aktualisieren' }).click();
    const table = panel.getByRole('table', { name: /^Plenum: \d+ Personen$/ });
    await table.waitFor(wait);
    for (const person of [olga, anna]) {
      const row = table.getByRole('row', { name: new RegExp(person.name) });
      await row.getByRole('cell', { name: 'noch im Raum' }).waitFor();
    }
    await expect(
      table.getByRole('columnheader', { name: 'Erster Beitritt' }).count(),
    ).resolves.toBe(1);
    await expect(table.getByRole('rowheader', { name: olga.name }).count()).resolves.toBe(1);
    const csvLink = panel.getByRole('link', { name: 'Als CSV-Datei herunterladen' });
    const csv = await olga.context.request.get((await csvLink.getAttribute('href'))!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(`Plenum;${olga.name};`);
    await checkA11y(olga.page, 'console-attendance');

    await olga.page.setViewportSize({ width: 360, height: 800 });
    try {
      // The tables scroll inside their own region; the page itself does not get wider.
      await expect
        .poll(() => olga.page.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(360);
      await checkA11y(olga.page, 'console-attendance-phone');
    } finally {
      await olga.page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows the audit log, newest first, narrowed to one area', async () => {
    const panel = await consoleTab(olga.page, 'Protokoll');
    await panel.getByRole('button', { name: 'Aktualisieren' }).click();
    const table = panel.getByRole('table', { name: /^Protokoll: \d+ Einträge geladen$/ });
    await table.waitFor(wait);
    const revoked = table.getByRole('row', { name: /Einladungslink zurückgezogen/ });
    await revoked.getByRole('cell', { name: olga.name, exact: true }).waitFor(wait);
    // Newest first: the link was revoked after the phase was opened.
    const actions = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.indexOf('Einladungslink zurückgezogen')).toBeLessThan(
      actions.indexOf('Phase geöffnet'),
    );
    expect(actions.indexOf('Phase geöffnet')).toBeGreaterThan(-1);
    await checkA11y(olga.page, 'console-audit');

    await panel.getByLabel('Bereich').selectOption({ label: 'Phasen' });
    await table.getByText('Einladungslink zurückgezogen').waitFor({ state: 'detached', ...wait });
    await expect
      .poll(() => table.locator('tbody tr td:nth-child(3)').allTextContents(), wait)
      .toEqual(['Phase geschlossen', 'Phase verlängert', 'Phase geöffnet', 'Phase angelegt']);
    await panel.getByText('Das sind alle Einträge.').waitFor();
    await checkA11y(olga.page, 'console-audit-phases');

    // More than a page (50) of invitation entries: the older ones come on request.
    for (let i = 0; i < 55; i += 1) {
      const created = await olga.context.request.post(`/api/events/${server.slug}/invitations`, {
        data: { role: 'attendee', label: `Stapel ${i}`, maxUses: 1, expiresAt: null },
      });
      expect(created.status()).toBe(201);
    }
    await panel.getByLabel('Bereich').selectOption({ label: 'Einladungen' });
    await panel.getByRole('table', { name: 'Protokoll: 50 Einträge geladen' }).waitFor(wait);
    await panel.getByRole('button', { name: 'Ältere Einträge laden' }).click();
    await announced(olga.page, /^\d+ ältere Einträge geladen\.$/);
    const caption = await panel.locator('caption').textContent();
    expect(Number(/(\d+) Einträge/.exec(caption ?? '')?.[1])).toBeGreaterThan(55);
    // The button is gone with the last page; the closing sentence has the focus instead.
    await expect
      .poll(() => olga.page.evaluate(() => document.activeElement?.textContent ?? ''), wait)
      .toBe('Das sind alle Einträge.');
    await expect(
      panel.getByRole('button', { name: 'Ältere Einträge laden' }).count(),
    ).resolves.toBe(0);
  });

  it('reads attendance and the audit log in English', async () => {
    await olga.page.getByRole('button', { name: 'English' }).click();
    await olga.page.getByRole('tablist', { name: 'Parts of the organizer console' }).waitFor();
    await olga.page.getByRole('tab', { name: 'Attendance' }).click();
    const attendance = olga.page.getByRole('tabpanel', { name: 'Attendance' });
    await attendance.getByRole('table', { name: /^Plenum: \d+ people$/ }).waitFor(wait);
    await attendance.getByRole('link', { name: 'Download as CSV file' }).waitFor();
    await olga.page.getByRole('tab', { name: 'Audit log' }).click();
    const audit = olga.page.getByRole('tabpanel', { name: 'Audit log' });
    await audit.getByRole('columnheader', { name: 'What' }).waitFor(wait);
    await audit.getByText('Invitation link created').first().waitFor();
    await checkA11y(olga.page, 'console-audit-english');
  });

  it('asked nobody but our own server and our LiveKit', async () => {
    const allowed = new Set([
      new URL(server.url).origin,
      new URL(server.url.replace(/^http/, 'ws')).origin,
      new URL(server.livekitUrl).origin,
      new URL(server.livekitUrl.replace(/^ws/, 'http')).origin,
    ]);
    for (const person of [olga, anna]) {
      const foreign = person.requests.filter(
        (u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowed.has(new URL(u).origin),
      );
      expect(foreign, person.name).toEqual([]);
    }
  });
});
