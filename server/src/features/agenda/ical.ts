import type { AgendaItem } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import type { EventRow } from '../access/actor.ts';
import { findPlenary } from '../rooms/repository.ts';
import { listAgenda } from './service.ts';

/** What the calendar says about the event itself. */
export interface CalendarEvent {
  slug: string;
  title: string;
  timeZone: string;
}

const CRLF = '\r\n';

/** RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space,
 * and a UTF-8 sequence is never split, so umlauts stay whole.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** 2026-03-12T08:00:00.000Z → 20260312T080000Z */
export const formatUtc = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function speakerLine(item: AgendaItem): string {
  if (!item.speakers.length) return '';
  const names = item.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name));
  return `Referierende: ${names.join('; ')}`;
}

/**
 * The agenda as an iCalendar file: one VEVENT per item with its planned times in UTC, so a
 * calendar shows it in each reader's own zone. The UID is stable; re-imports update in place.
 */
export function agendaToICalendar(
  event: CalendarEvent,
  items: readonly AgendaItem[],
  place: (item: AgendaItem) => string,
  now = new Date(),
): string {
  const stamp = formatUtc(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plenum//Agenda//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(event.title)}`,
    `X-WR-TIMEZONE:${event.timeZone}`,
  ];
  for (const item of items) {
    const start = new Date(item.startsAt);
    const end = new Date(start.getTime() + item.durationMinutes * 60_000);
    const description = [item.description.trim(), speakerLine(item)].filter(Boolean).join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.id}@plenum`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(start)}`,
      `DTEND:${formatUtc(end)}`,
      `SUMMARY:${escapeText(item.title)}`,
      ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
      `LOCATION:${escapeText(place(item))}`,
      `CATEGORIES:${item.kind.toUpperCase().replace(/_/g, '-')}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The event's agenda as stored, as an `.ics` file. */
export async function exportAgendaICalendar(db: DbOrTx, event: EventRow): Promise<string> {
  const [items, plenary] = await Promise.all([listAgenda(db, event.id), findPlenary(db, event.id)]);
  return agendaToICalendar(event, items, (item) =>
    item.roomId === null ? 'Arbeitsgruppen' : plenary.name,
  );
}
