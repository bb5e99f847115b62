import { eq } from 'drizzle-orm';
import type { PollClosed, ResultsGroup } from '@plenum/shared';
import { wallClockOf } from '@plenum/shared/time';
import type { DbOrTx } from '../../db/client.ts';
import { events } from '../../db/schema/index.ts';
import { listPollResults } from '../polls/repository.ts';
import type { PhaseRow } from '../phases/repository.ts';
import { groupsWithNotes } from './service.ts';

/** What a results document says, whatever its format (DOCX, PDF). */
export interface ResultsDocument {
  eventTitle: string;
  phaseTitle: string;
  /** "12.03.2026, 11:45 (Europe/Berlin)": when the phase closed, on the event's wall clock. */
  date: string;
  groups: ResultsGroup[];
  polls: PollLines[];
}

/** A poll as lines of text: its question, then one line per option (or rating) with its count. */
export interface PollLines {
  question: string;
  lines: string[];
}

export async function resultsDocument(
  db: DbOrTx,
  phase: PhaseRow,
  now = new Date(),
): Promise<ResultsDocument> {
  const [event] = await db
    .select({ title: events.title, timeZone: events.timeZone })
    .from(events)
    .where(eq(events.id, phase.eventId));
  const timeZone = event?.timeZone ?? 'Europe/Berlin';
  const at = wallClockOf(phase.closedAt ?? now, timeZone);
  const [year, month, day] = at.date.split('-');
  const [groups, polls] = await Promise.all([
    groupsWithNotes(db, phase.id),
    listPollResults(db, { eventId: phase.eventId, phaseId: phase.id }),
  ]);
  return {
    eventTitle: event?.title ?? '',
    phaseTitle: phase.title,
    date: `${day}.${month}.${year}, ${at.time} (${timeZone})`,
    groups,
    polls: polls.map(pollLines),
  };
}

/** Counts only: who voted what stays with the staff, even in named polls. */
export function pollLines({ poll, results }: PollClosed): PollLines {
  const labels =
    poll.kind === 'rating' ? results.counts.map((_, i) => `Bewertung ${i + 1}`) : poll.options;
  const lines = labels.map((label, i) => `${label}: ${results.counts[i] ?? 0}`);
  lines.push(`Abgestimmt: ${results.voters}`);
  return { question: poll.question, lines };
}

/** A line of a group's Markdown notes, as much of it as a document needs. */
export type NoteBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'paragraph'; text: string };

/**
 * Markdown notes as plain blocks: headings, list items and paragraphs, emphasis marks removed.
 * Offices get readable text; the Markdown export keeps the rest.
 */
export function noteBlocks(markdown: string): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: plain(heading[1]!) });
    } else if (bullet) {
      flush();
      blocks.push({ kind: 'bullet', text: plain(bullet[1]!) });
    } else paragraph.push(plain(line));
  }
  flush();
  return blocks;
}

const plain = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .trim();

/** The file name of an export: ergebnisse-<phase>.<ext>, ASCII only. */
export const exportName = (phase: PhaseRow, ext: string) =>
  `ergebnisse-${phase.id.slice(0, 8)}.${ext}`;
