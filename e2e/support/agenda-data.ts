/** Agenda data as an organizer would type or import it, for the console's browser test. */

/** "09:30" of an instant on the Berlin clock, as the organizer would type it. */
export function berlinWallClock(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** A small pretalx/Frab export: one session in the plenary, one in a side room. */
export function frabSchedule(date: string): string {
  const event = (id: number, title: string) =>
    `<event id="${id}"><title>${title}</title><type>Vortrag</type><start>20:00</start>` +
    `<duration>00:20</duration><persons><person id="${id}">Ida Import</person></persons></event>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><schedule><conference><title>Import</title>` +
    `<time_zone_name>Europe/Berlin</time_zone_name></conference><day index="1" date="${date}">` +
    `<room name="Plenum">${event(1, 'Ausblick aus dem Import')}</room>` +
    `<room name="Raum B">${event(2, 'Nebenrunde')}</room></day></schedule>`
  );
}
