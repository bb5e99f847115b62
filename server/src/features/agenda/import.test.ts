import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AgendaItem } from '@plenum/shared';
import { agendaItems } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';

const sample = readFileSync(new URL('./fixtures/frab-sample.xml', import.meta.url), 'utf8');

const t = useTestApp();

async function forum() {
  const event = await seedEvent(t.app);
  const organizer = await join(t.app, event.id, 'organizer');
  const attendee = await join(t.app, event.id, 'attendee');
  const importXml = (xml: string | Buffer, who: Member = organizer, type = 'application/xml') =>
    t.app.inject({
      method: 'POST',
      url: `/api/events/${event.slug}/agenda/import`,
      payload: xml,
      headers: { cookie: who.cookie, 'content-type': type },
    });
  const agenda = async () =>
    (
      await t.app.inject({
        url: `/api/events/${event.slug}/agenda`,
        headers: { cookie: attendee.cookie },
      })
    ).json() as AgendaItem[];
  const stored = () => t.app.db.$count(agendaItems, eq(agendaItems.eventId, event.id));
  return { event, organizer, attendee, importXml, agenda, stored };
}

describe('import from pretalx/Frab XML', () => {
  it('imports the German Fachtag: plenary items, one working-group phase, umlauts intact', async () => {
    const f = await forum();
    const res = await f.importXml(sample);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.imported).toBe(15);
    expect(report.skipped).toEqual([
      // A code and its parameters, so that the console words the reason in its language.
      {
        title: 'AG 2: Beteiligung und Quartier',
        reason: expect.stringMatching(/parallel/),
        code: 'parallel_workshop',
        params: { other: expect.any(String) },
      },
      {
        title: 'AG 3: Steuerung und Haushalt',
        reason: expect.stringMatching(/parallel/),
        code: 'parallel_workshop',
        params: { other: expect.any(String) },
      },
      {
        title: 'Posterausstellung: Sozialatlas Bremen',
        reason: expect.stringMatching(/"Foyer"/),
        code: 'other_room',
        params: { room: 'Foyer' },
      },
    ]);

    const items = await f.agenda();
    expect(items).toHaveLength(15);
    const find = (title: string) => items.find((i) => i.title === title)!;
    expect(find('Eröffnung und Begrüßung')).toMatchObject({
      kind: 'opening',
      startsAt: '2026-03-12T08:30:00.000Z',
      durationMinutes: 30,
      speakers: [{ name: 'Dr. Jürgen Weiß' }, { name: 'Selin Öztürk' }],
    });
    expect(find('Beteiligung & Teilhabe: der Würzburger Weg').description).toBe(
      'Bürgerräte, Stadtteilkonferenzen & aufsuchende Beteiligung – was wirkt?',
    );
    expect(find('Arbeitsgruppenphase: Daten, Beteiligung, Steuerung')).toMatchObject({
      kind: 'working_group_phase',
      roomId: null,
      durationMinutes: 60,
    });
    expect(find('Mittagspause').kind).toBe('break');
    expect(find('Ergebnisse aus den Arbeitsgruppen').kind).toBe('results');
    expect(find('Steuerung über Wirkungsziele – Befunde aus 40 Kommunen').kind).toBe('talk');
    expect(find('Podiumsdiskussion: Sozialplanung zwischen Haushaltsnot und Bedarf')).toMatchObject(
      {
        description: expect.stringContaining('\n\nModeration: Selin Öztürk.\nFragen'),
        speakers: expect.arrayContaining([{ name: 'Bärbel Krämer' }]),
      },
    );
    expect(find('Verabschiedung').startsAt).toBe('2026-03-13T10:15:00.000Z');
  });

  it('importing the same file twice changes nothing and reports the duplicates', async () => {
    const f = await forum();
    await f.importXml(sample, f.organizer, 'text/xml');
    const again = (await f.importXml(sample, f.organizer, 'text/xml; charset=utf-8')).json();
    expect(again.imported).toBe(0);
    expect(
      again.skipped.filter((s: { reason: string }) => s.reason === 'already in the agenda'),
    ).toHaveLength(15);
    expect(await f.stored()).toBe(15);
  });

  it('a schedule colliding with the agenda is refused as a whole, naming the item', async () => {
    const f = await forum();
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/events/${f.event.slug}/agenda`,
      headers: { cookie: f.organizer.cookie },
      payload: {
        title: 'Grußwort der Ministerin',
        startsAt: '2026-03-12T10:15:00+01:00',
        durationMinutes: 20,
      },
    });
    expect(add.statusCode).toBe(201);
    const res = await f.importXml(sample);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('"Grußwort der Ministerin"');
    expect(await f.stored()).toBe(1);
  });

  it('Latin-1 exports keep their umlauts', async () => {
    const f = await forum();
    const latin1 = sample.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const res = await f.importXml(Buffer.from(latin1.replace(/[–„“]/g, '-'), 'latin1'));
    expect(res.statusCode, res.body).toBe(200);
    expect((await f.agenda()).some((i) => i.title === 'Eröffnung und Begrüßung')).toBe(true);
  });

  it('only organizers import', async () => {
    const f = await forum();
    expect((await f.importXml(sample, f.attendee)).statusCode).toBe(403);
    expect(await f.stored()).toBe(0);
  });
});

describe('hostile or foreign XML', () => {
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE schedule [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<schedule><day date="2026-03-12"><room name="Plenum"><event><title>&lol3;</title>
<date>2026-03-12T10:00:00+01:00</date><duration>00:30</duration></event></room></day></schedule>`;
  const xxe = `<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<schedule><day date="2026-03-12"><room name="Plenum"><event><title>&x;</title></event></room></day></schedule>`;

  it('a DOCTYPE with entities (billion laughs, external entities) is refused; nothing is stored', async () => {
    const f = await forum();
    for (const xml of [billionLaughs, xxe]) {
      const res = await f.importXml(xml);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'bad_request', reason: 'doctype' });
    }
    expect(await f.stored()).toBe(0);
  });

  it('XML that is not a Frab schedule gets 400 with a clear message', async () => {
    const f = await forum();
    const cases = [
      '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>',
      '<schedule><version>1</version></schedule>',
    ];
    for (const xml of cases) {
      const res = await f.importXml(xml);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/not a pretalx\/Frab schedule/);
    }
    const broken = await f.importXml('<schedule><day></schedule>');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/not well-formed/);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/events/${f.event.slug}/agenda/import`,
      headers: { cookie: f.organizer.cookie },
      payload: { schedule: [] },
    });
    expect(json.statusCode).toBe(400);
    expect(await f.stored()).toBe(0);
  });

  it('a 3 MB body is refused with 413 before it is parsed', async () => {
    const f = await forum();
    const padding = `<!-- ${'x'.repeat(3 * 1024 * 1024)} -->`;
    const res = await f.importXml(sample.replace('<schedule>', `<schedule>${padding}`));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await f.stored()).toBe(0);
  });
});
