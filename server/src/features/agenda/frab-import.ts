import type { AgendaImportResult, AgendaKind, ImportSkipCode } from '@plenum/shared';
import { zonedTimeToUtc } from '@plenum/shared/time';
import type { AgendaSpeaker } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { readXmlOffThread } from './frab-xml.ts';
import { overlaps, type PlannedItem } from './validation.ts';
import { assertXmlBounds } from './xml-bounds.ts';

/** One importable talk, break or phase of a pretalx/Frab schedule. */
export interface FrabItem extends PlannedItem {
  kind: AgendaKind;
  description: string;
  speakers: AgendaSpeaker[];
  /** The Frab room it was listed in. */
  frabRoom: string;
}

export interface FrabSchedule {
  items: FrabItem[];
  skipped: AgendaImportResult['skipped'];
}

const notFrab = (why: string) =>
  new AppError(
    'bad_request',
    `This is not a pretalx/Frab schedule: ${why}.`,
    400,
    undefined,
    'not_frab',
  );

/**
 * Turns the raw body into text: UTF-8 unless the XML declaration names Latin-1/Windows-1252
 * (older Frab exports), so umlauts survive either way.
 */
export function decodeXmlBody(body: Buffer): string {
  const head = body.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  const encoding = (declared ?? 'utf-8').toLowerCase();
  if (!['utf-8', 'utf8', 'iso-8859-1', 'latin1', 'windows-1252', 'cp1252'].includes(encoding)) {
    throw new AppError('bad_request', `Unsupported XML encoding "${declared}"; use UTF-8.`);
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw new AppError('bad_request', `The XML is not valid ${encoding.toUpperCase()} text.`);
  }
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (_m, e: string) => {
    if (e[0] !== '#') return predefined[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node => (v && typeof v === 'object' ? (v as Node) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The text of an element, with or without attributes. */
function text(v: unknown): string {
  if (typeof v === 'string') return decodeEntities(v).trim();
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return '';
}

/** Frab's `<type>` (and pretalx's submission types, in German or English) → our kinds. */
export function kindOfFrabType(type: string): AgendaKind {
  const t = type.toLowerCase();
  const has = (...words: string[]) => words.some((w) => t.includes(w));
  if (has('workshop', 'arbeitsgruppe', 'working group', 'breakout', 'world café', 'world cafe'))
    return 'working_group_phase';
  if (has('break', 'pause', 'coffee', 'kaffee', 'lunch', 'mittag', 'essen')) return 'break';
  if (has('opening', 'eröffnung', 'begrüßung', 'welcome', 'keynote-opening')) return 'opening';
  if (has('closing', 'abschluss', 'verabschiedung', 'schluss', 'farewell')) return 'closing';
  if (has('result', 'ergebnis')) return 'results';
  if (!t || has('talk', 'lecture', 'vortrag', 'keynote', 'impuls', 'panel', 'podium', 'lightning'))
    return 'talk';
  return 'other';
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** "01:30" (or "01:30:00") → 90; null when it is not a duration of 1 minute to 24 hours. */
export function parseFrabDuration(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(s);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes >= 1 && minutes <= 1440 ? minutes : null;
}

function startOf(ev: Node, dayDate: string, timeZone: string): Date | null {
  const date = text(ev.date);
  if (ISO_WITH_OFFSET.test(date)) {
    const at = new Date(date);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  const start = text(ev.start);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dayDate) || !/^\d{2}:\d{2}$/.test(start)) return null;
  try {
    return zonedTimeToUtc(`${dayDate}T${start}`, timeZone);
  } catch {
    return null;
  }
}

/**
 * Parses the XML safely: refuses DTDs outright (entity expansion), text with more elements or
 * attributes than a schedule has, and anything not Frab; the parsing itself runs off the event
 * loop. Entities are not expanded by the parser: `text()` decodes the predefined ones.
 */
async function parseDocument(xml: string): Promise<Node> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new AppError(
      'bad_request',
      'XML with a DOCTYPE or ENTITY declaration is refused; pretalx/Frab exports need none.',
      400,
      undefined,
      'doctype',
    );
  }
  assertXmlBounds(xml);
  const reading = await readXmlOffThread(xml);
  if ('invalid' in reading) {
    const { msg, line } = reading.invalid;
    throw new AppError('bad_request', `The XML is not well-formed (line ${line}): ${msg}`);
  }
  // The parser's own limits (e.g. nesting deeper than any Frab export) are the sender's fault.
  if ('unreadable' in reading) throw notFrab(`it cannot be read (${reading.unreadable})`);
  const document = reading.document;
  const schedule = asNode(asNode(document).schedule);
  if (!Object.keys(schedule).length) throw notFrab('the root element must be <schedule>');
  if (!asList(schedule.day).length) throw notFrab('it has no <day> elements');
  return schedule;
}

/**
 * Maps `<schedule><day><room><event>` to agenda items. What does not fit Plenum's shape is
 * skipped with a reason: sessions in other rooms than the plenary (except workshops, which become
 * working-group phases) and further workshops in parallel with one already taken (the groups of
 * one phase).
 */
export async function parseFrabSchedule(
  xml: string,
  opts: { timeZone: string; plenaryName: string; plenaryId: string },
): Promise<FrabSchedule> {
  const schedule = await parseDocument(xml);
  const conference = asNode(schedule.conference);
  const timeZone = text(conference.time_zone_name) || opts.timeZone;
  const days = asList(schedule.day).map(asNode);
  const roomNames = [
    ...new Set(days.flatMap((d) => asList(d.room).map((r) => text(asNode(r)['@_name'])))),
  ];
  const plenaryRoom =
    roomNames.find((r) => r.toLowerCase() === opts.plenaryName.trim().toLowerCase()) ??
    roomNames.find((r) => /plen/i.test(r)) ??
    (roomNames.length === 1 ? roomNames[0] : undefined);

  const items: FrabItem[] = [];
  const skipped: FrabSchedule['skipped'] = [];
  for (const day of days) {
    const dayDate = text(day['@_date']);
    for (const room of asList(day.room).map(asNode)) {
      const roomName = text(room['@_name']);
      for (const ev of asList(room.event).map(asNode)) {
        const title = text(ev.title);
        const skip = (reason: string, code: ImportSkipCode, params: Record<string, string> = {}) =>
          skipped.push({ title: title || '(ohne Titel)', reason, code, params });
        if (!title) skip('no <title>', 'no_title');
        else if (title.length > 200)
          skip('the title is longer than 200 characters', 'title_too_long');
        else {
          const item = toItem(ev, {
            title,
            roomName,
            dayDate,
            timeZone,
            plenaryId: opts.plenaryId,
          });
          if ('code' in item) skip(item.reason, item.code, item.params);
          else if (roomName !== plenaryRoom && item.kind !== 'working_group_phase') {
            skip(
              `held in room "${roomName}", not in the plenary` +
                (plenaryRoom ? ` ("${plenaryRoom}")` : '') +
                '; Plenum has one plenary and imports other rooms only as working groups',
              'other_room',
              { room: roomName },
            );
          } else {
            const parallel = items.find(
              (i) => i.kind === 'working_group_phase' && !i.roomId && overlaps(i, item),
            );
            if (item.kind === 'working_group_phase' && parallel) {
              skip(
                `runs in parallel with "${parallel.title}": parallel working groups belong to ` +
                  'one phase; set them up as the groups of that phase',
                'parallel_workshop',
                { other: parallel.title },
              );
            } else items.push(item);
          }
        }
      }
    }
  }
  return { items, skipped };
}

interface ItemContext {
  title: string;
  roomName: string;
  dayDate: string;
  timeZone: string;
  plenaryId: string;
}

/** Why an `<event>` cannot be an item. */
interface Unfit {
  reason: string;
  code: ImportSkipCode;
  params: Record<string, string>;
}

/** One `<event>` as an item, or why it cannot be one. */
function toItem(
  ev: Node,
  { title, roomName, dayDate, timeZone, plenaryId }: ItemContext,
): FrabItem | Unfit {
  const startsAt = startOf(ev, dayDate, timeZone);
  if (!startsAt)
    return {
      reason: 'no valid <date> (ISO with offset) or <start> (HH:MM)',
      code: 'bad_start',
      params: {},
    };
  const durationMinutes = parseFrabDuration(text(ev.duration));
  if (durationMinutes === null)
    return {
      reason: `<duration> "${text(ev.duration)}" is not HH:MM (00:01–24:00)`,
      code: 'bad_duration',
      params: { duration: text(ev.duration) },
    };
  const kind = kindOfFrabType(text(ev.type));
  const abstract = text(ev.abstract);
  const details = text(ev.description);
  const description = [abstract, details !== abstract ? details : '']
    .filter(Boolean)
    .join('\n\n')
    .slice(0, 10_000);
  const speakers = asList(asNode(ev.persons).person)
    .map((p) => text(p).slice(0, 120))
    .filter(Boolean)
    .slice(0, 50)
    .map((name) => ({ name }));
  return {
    id: crypto.randomUUID(),
    title,
    kind,
    description,
    speakers,
    startsAt,
    durationMinutes,
    roomId: kind === 'working_group_phase' ? null : plenaryId,
    frabRoom: roomName,
  };
}
