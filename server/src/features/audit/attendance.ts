import { asc, eq } from 'drizzle-orm';
import type { AttendancePerson, AttendanceReport } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { attendance, people, presenceIntervals, rooms } from '../../db/schema/index.ts';
import { presenceMinutes, type PresenceSource } from './attendance-merge.ts';

interface Span {
  joinedAt: Date;
  leftAt: Date | null;
}

/** Minutes covered by the spans, overlaps (two tabs, a reconnect) counted once; open spans run to `now`. */
export function coveredMinutes(spans: Span[], now: Date): number {
  const sorted = spans
    .map((s) => [s.joinedAt.getTime(), (s.leftAt ?? now).getTime()] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [from, to] of sorted) {
    if (current && from <= current[1]) current[1] = Math.max(current[1], to);
    else {
      if (current) total += current[1] - current[0];
      current = [from, to];
    }
  }
  if (current) total += current[1] - current[0];
  return Math.round(total / 60_000);
}

/**
 * Who was in which room, from their sockets (chat, following without media) and LiveKit's
 * webhooks (media): per room and person, first join, last leave, minutes present by either
 * source (overlaps counted once), of those the minutes with media, and each span. Erased people
 * keep their time, without a name.
 */
export async function attendanceReport(
  db: DbOrTx,
  event: { id: string; timeZone: string },
  now = new Date(),
): Promise<AttendanceReport> {
  const eventRooms = await db
    .select({ id: rooms.id, name: rooms.name, kind: rooms.kind })
    .from(rooms)
    .where(eq(rooms.eventId, event.id))
    .orderBy(asc(rooms.position), asc(rooms.createdAt));
  const media = await db
    .select({
      roomId: attendance.roomId,
      personId: attendance.personId,
      participantSid: attendance.participantSid,
      displayName: people.displayName,
      joinedAt: attendance.joinedAt,
      leftAt: attendance.leftAt,
    })
    .from(attendance)
    .innerJoin(rooms, eq(rooms.id, attendance.roomId))
    .leftJoin(people, eq(people.id, attendance.personId))
    .where(eq(rooms.eventId, event.id));
  const sockets = await db
    .select({
      roomId: presenceIntervals.roomId,
      personId: presenceIntervals.personId,
      id: presenceIntervals.id,
      displayName: people.displayName,
      joinedAt: presenceIntervals.joinedAt,
      leftAt: presenceIntervals.leftAt,
    })
    .from(presenceIntervals)
    .leftJoin(people, eq(people.id, presenceIntervals.personId))
    .where(eq(presenceIntervals.eventId, event.id));
  const rows = [
    ...media.map((r) => ({
      ...r,
      source: 'media' as PresenceSource,
      key: `sid:${r.participantSid}`,
    })),
    ...sockets.map((r) => ({ ...r, source: 'socket' as PresenceSource, key: `socket:${r.id}` })),
  ].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());

  const byRoom = new Map<string, Map<string, typeof rows>>();
  for (const row of rows) {
    const perPerson = byRoom.get(row.roomId) ?? new Map<string, typeof rows>();
    // Nameless (erased) connections cannot be told apart: each stands alone.
    const key = row.personId ?? row.key;
    perPerson.set(key, [...(perPerson.get(key) ?? []), row]);
    byRoom.set(row.roomId, perPerson);
  }

  return {
    generatedAt: now.toISOString(),
    timeZone: event.timeZone,
    rooms: eventRooms.map((room) => ({
      roomId: room.id,
      name: room.name,
      kind: room.kind,
      people: [...(byRoom.get(room.id)?.values() ?? [])]
        .map((spans): AttendancePerson => {
          const open = spans.some((s) => s.leftAt === null);
          const lastLeft = Math.max(...spans.map((s) => s.leftAt?.getTime() ?? 0));
          return {
            personId: spans[0]!.personId,
            displayName: spans[0]!.displayName,
            firstJoinedAt: spans[0]!.joinedAt.toISOString(),
            lastLeftAt: open ? null : new Date(lastLeft).toISOString(),
            ...presenceMinutes(spans, now),
            spans: spans.map((s) => ({
              joinedAt: s.joinedAt.toISOString(),
              leftAt: s.leftAt?.toISOString() ?? null,
              source: s.source,
            })),
          };
        })
        .sort((a, b) => (a.displayName ?? '\uffff').localeCompare(b.displayName ?? '\uffff', 'de')),
    })),
  };
}

/** A spreadsheet cell: quoted when needed, and never read as a formula (CSV injection). */
export function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Date and time on the event's wall clock, as spreadsheets read it: 2026-03-12 09:30. */
export const wallClock = (iso: string | null, timeZone: string) =>
  iso
    ? new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    : '';

/**
 * The report as CSV for German spreadsheets: semicolons, a BOM so that Excel reads UTF-8, times
 * in the event's time zone, one line per person and room.
 */
export function attendanceCsv(report: AttendanceReport): string {
  const lines = [
    ['Raum', 'Person', 'Erster Beitritt', 'Zuletzt verlassen', 'Minuten', 'davon mit Medien'],
  ];
  for (const room of report.rooms) {
    for (const p of room.people) {
      lines.push([
        room.name,
        p.displayName ?? '(gelöscht)',
        wallClock(p.firstJoinedAt, report.timeZone),
        wallClock(p.lastLeftAt, report.timeZone),
        String(p.totalMinutes),
        String(p.mediaMinutes),
      ]);
    }
  }
  return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}
