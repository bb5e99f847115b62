/**
 * Times are shown in the event's time zone, never the viewer's: everyone reads the same. One
 * cache of formatters for the agenda, chat, notes, help requests and the console's records.
 */

export type Instant = string | number | Date;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // Building a DateTimeFormat is costly; an agenda formats the same few shapes hundreds of times.
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** "09:30": 24-hour clock in both languages, as German and British readers expect. */
export function formatTime(instant: Instant, timeZone: string, locale: string): string {
  return formatter(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(toDate(instant));
}

/** "Donnerstag, 12. März 2026" */
export function formatDay(instant: Instant, timeZone: string, locale: string): string {
  return formatter(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(toDate(instant));
}

/** "12.03.2026, 09:30" on the event's clock: one column in a table, sortable by eye. */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return formatter(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(toDate(iso));
}
