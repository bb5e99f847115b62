import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/socket-world.ts';
import { agendaForum } from './forum.fixture.ts';

const t = useTestApp();

const forum = () => agendaForum(t.app);

/** A small RFC 5545 reader: unfolds lines, unescapes TEXT, collects VEVENT properties. */
function readICalendar(ics: string) {
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const unescape = (v: string) =>
    v.replace(/\\([\\;,nN])/g, (_m, c: string) => (/n/i.test(c) ? '\n' : c));
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  const calendar: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else (current ?? calendar)[name] = unescape(value);
  }
  return { calendar, events };
}

describe('iCalendar export', () => {
  it('members download the agenda as .ics with UTC times, escaped text and folded lines', async () => {
    const f = await forum();
    const long =
      'Kleinräumige Daten; Sozialberichte, Indikatoren\\Monitoring\nZweite Zeile ' + 'ä'.repeat(60);
    const item = await f.add('Daten, Beteiligung; Steuerung', '2026-03-12T10:00:00+01:00', 45, {
      description: long,
      speakers: [{ name: 'Petra Müller-Lüdenscheidt', affiliation: 'Stadt Münster' }],
    });
    await f.add('Arbeitsgruppen', '2026-03-12T13:30:00+01:00', 60, { kind: 'working_group_phase' });

    const res = await f.call(f.attendee, 'GET', '.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toContain(`${f.event.slug}.ics`);
    const raw = res.body;
    expect(raw.endsWith('\r\n')).toBe(true);
    for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(raw.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);

    const { calendar, events } = readICalendar(raw);
    expect(calendar).toMatchObject({ BEGIN: 'VCALENDAR', VERSION: '2.0', END: 'VCALENDAR' });
    expect(calendar.PRODID).toContain('Plenum');
    expect(events).toHaveLength(2);
    const ev = events.find((e) => e.UID === `${item.id}@plenum`)!;
    expect(ev).toMatchObject({
      DTSTART: '20260312T090000Z',
      DTEND: '20260312T094500Z',
      SUMMARY: 'Daten, Beteiligung; Steuerung',
      LOCATION: 'Plenum',
    });
    expect(ev.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(ev.DESCRIPTION).toBe(
      `${long}\n\nReferierende: Petra Müller-Lüdenscheidt (Stadt Münster)`,
    );
    expect(raw).toContain('SUMMARY:Daten\\, Beteiligung\\; Steuerung');
    expect(events.find((e) => e.SUMMARY === 'Arbeitsgruppen')!.LOCATION).toBe('Arbeitsgruppen');
  });
});
