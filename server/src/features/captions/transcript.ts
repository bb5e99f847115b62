import { localDay, localTime } from '@plenum/shared/time';
import type { EventRow } from '../access/actor.ts';

export interface TranscriptRow {
  roomName: string;
  text: string;
  captionerName: string | null;
  at: Date;
}

/**
 * The stored caption lines as a document, room by room in the order spoken, times in the event's
 * time zone. Plain text for pasting anywhere, Markdown for the minutes.
 */
export function transcriptDocument(
  event: EventRow,
  rows: readonly TranscriptRow[],
  format: 'text' | 'markdown',
): string {
  const byRoom = new Map<string, TranscriptRow[]>();
  for (const row of rows) byRoom.set(row.roomName, [...(byRoom.get(row.roomName) ?? []), row]);
  const md = format === 'markdown';
  const out = [md ? `# Mitschrift: ${event.title}` : `Mitschrift: ${event.title}`, ''];
  if (rows.length === 0) out.push('(keine Zeilen gespeichert)');
  for (const [roomName, lines] of byRoom) {
    out.push(md ? `## ${roomName}` : roomName, '');
    let day = '';
    for (const line of lines) {
      const lineDay = localDay(line.at, event.timeZone);
      if (lineDay !== day) {
        day = lineDay;
        out.push(md ? `### ${day}` : `[${day}]`, '');
      }
      const time = localTime(line.at, event.timeZone);
      const text = md ? line.text.replace(/([\\`*_[\]#<>])/g, '\\$1') : line.text;
      out.push(md ? `- **${time}** ${text}` : `${time}  ${text}`);
    }
    out.push('');
  }
  return out.join('\n');
}
