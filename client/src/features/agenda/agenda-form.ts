import type { AgendaItem, AgendaItemPatch, AgendaKind, Speaker } from '@plenum/shared';
import { agendaLimits } from '@plenum/shared/limits';
import { checkText, checkWholeNumber } from '@plenum/shared/rules';
import { wallClockOf, zonedIso } from '@plenum/shared/time';
import {
  fieldErrorsFromServer,
  formatIsoDate,
  type Checked,
  type FormErrors,
} from '../../lib/form-rules.ts';
import type { AgendaBody } from './agenda-api.ts';
import { formatTimeRange, scheduledEnd } from './agenda.ts';

/**
 * The agenda item form: text fields in, the server's `AgendaItemInput` / `AgendaItemPatch` out.
 * Dates and times are the event's wall clock; speakers are one per line, "Name, Institution".
 */

export interface AgendaFormValues {
  title: string;
  kind: AgendaKind;
  date: string;
  time: string;
  durationMinutes: string;
  speakers: string;
  description: string;
}
export type AgendaField = keyof AgendaFormValues;
export const agendaFields: readonly AgendaField[] = [
  'title',
  'kind',
  'date',
  'time',
  'durationMinutes',
  'speakers',
  'description',
];

export function formatSpeakers(speakers: readonly Speaker[]): string {
  return speakers.map((s) => (s.affiliation ? `${s.name}, ${s.affiliation}` : s.name)).join('\n');
}

const { speakersMax, speakerNameMax, affiliationMax } = agendaLimits;

/** One speaker per line; the first comma separates the name from the institution. */
export function parseSpeakers(text: string): Checked<Speaker[]> {
  const speakers: Speaker[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const comma = trimmed.indexOf(',');
    const name = (comma === -1 ? trimmed : trimmed.slice(0, comma)).trim();
    const affiliation = comma === -1 ? '' : trimmed.slice(comma + 1).trim();
    if (name === '') return { ok: false, error: { key: 'required' } };
    if (name.length > speakerNameMax) {
      return { ok: false, error: { key: 'tooLong', max: speakerNameMax } };
    }
    if (affiliation.length > affiliationMax) {
      return { ok: false, error: { key: 'tooLong', max: affiliationMax } };
    }
    speakers.push(affiliation ? { name, affiliation } : { name });
  }
  if (speakers.length > speakersMax) {
    return { ok: false, error: { key: 'numberRange', min: 0, max: speakersMax } };
  }
  return { ok: true, value: speakers };
}

export function agendaFormFromItem(item: AgendaItem, timeZone: string): AgendaFormValues {
  const { date, time } = wallClockOf(item.startsAt, timeZone);
  return {
    title: item.title,
    kind: item.kind,
    date,
    time,
    durationMinutes: String(item.durationMinutes),
    speakers: formatSpeakers(item.speakers),
    description: item.description,
  };
}

/**
 * A new item's form, starting where the last item of the agenda ends (or the event's first
 * morning): most agendas are typed in order.
 */
export function emptyAgendaForm(
  items: readonly AgendaItem[],
  event: { startsAt: string; timeZone: string },
): AgendaFormValues {
  const last = [...items].sort((a, b) => scheduledEnd(b).getTime() - scheduledEnd(a).getTime())[0];
  const start = last
    ? wallClockOf(scheduledEnd(last), event.timeZone)
    : { date: wallClockOf(event.startsAt, event.timeZone).date, time: '09:00' };
  return {
    title: '',
    kind: 'talk',
    date: start.date,
    time: start.time,
    durationMinutes: '30',
    speakers: '',
    description: '',
  };
}

export type AgendaChecked =
  { ok: true; body: AgendaBody } | { ok: false; errors: FormErrors<AgendaField> };

export function checkAgendaForm(values: AgendaFormValues, timeZone: string): AgendaChecked {
  const errors: FormErrors<AgendaField> = {};
  const title = checkText(values.title, agendaLimits.titleMax);
  if (!title.ok) errors.title = title.error;
  const description = checkText(values.description, agendaLimits.descriptionMax, true);
  if (!description.ok) errors.description = description.error;
  const duration = checkWholeNumber(values.durationMinutes, agendaLimits.durationMinutes);
  if (!duration.ok) errors.durationMinutes = duration.error;
  const speakers = parseSpeakers(values.speakers);
  if (!speakers.ok) errors.speakers = speakers.error;

  const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(values.date.trim());
  if (!dateOk) errors.date = { key: 'invalidDate' };
  const startsAt = zonedIso(values.date, values.time, timeZone);
  if (!startsAt.ok && dateOk) {
    errors.time = { key: startsAt.reason === 'nonexistent' ? 'nonexistentTime' : 'invalidTime' };
  }

  if (!title.ok || !description.ok || !duration.ok || !speakers.ok || !startsAt.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    body: {
      title: title.value,
      kind: values.kind,
      description: description.value,
      speakers: speakers.value,
      startsAt: startsAt.iso,
      durationMinutes: duration.value!,
    },
  };
}

/** Only what changed: an edit must not overwrite a speaker's link to a person by retyping it. */
export function agendaPatch(
  original: AgendaFormValues,
  body: AgendaBody,
  values: AgendaFormValues,
): AgendaItemPatch | null {
  const patch: AgendaItemPatch = {};
  if (values.title.trim() !== original.title.trim()) patch.title = body.title;
  if (values.kind !== original.kind) patch.kind = body.kind;
  if (values.description.trim() !== original.description.trim()) {
    patch.description = body.description;
  }
  if (Number(values.durationMinutes) !== Number(original.durationMinutes)) {
    patch.durationMinutes = body.durationMinutes;
  }
  if (values.date !== original.date || values.time.padStart(5, '0') !== original.time) {
    patch.startsAt = body.startsAt;
  }
  if (values.speakers.trim() !== original.speakers.trim()) patch.speakers = body.speakers;
  return Object.keys(patch).length > 0 ? patch : null;
}

export interface ServerRefusal {
  status: number;
  fields: Record<string, string>;
  message: string;
}

/**
 * The server's verdict, placed at the fields it concerns: an overlap names the other item (by
 * its title and time here, in the reader's language), a day outside the event names the days.
 */
export function agendaErrorsFromServer(
  refusal: ServerRefusal,
  items: readonly AgendaItem[],
  timeZone: string,
  locale: string,
): { errors: FormErrors<AgendaField>; unassigned: string[] } {
  const startsAt = refusal.fields['body.startsAt'];
  const rest = { ...refusal.fields };
  const errors: FormErrors<AgendaField> = {};
  if (startsAt) {
    delete rest['body.startsAt'];
    const overlapId = /overlaps agenda item (\S+)/.exec(startsAt)?.[1];
    const within = /within (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(startsAt);
    const other = items.find((i) => i.id === overlapId);
    if (overlapId) {
      errors.time = {
        key: 'overlap',
        title: other?.title ?? '',
        range: other ? formatTimeRange(other, timeZone, locale) : '',
      };
    } else if (within) {
      errors.date = {
        key: 'outsideEvent',
        first: formatIsoDate(within[1]!, locale),
        last: formatIsoDate(within[2]!, locale),
      };
    } else {
      errors.time = { key: 'rejected', detail: startsAt };
    }
  }
  const found = fieldErrorsFromServer(rest, agendaFields);
  const unassigned = found.unassigned;
  if (Object.keys(refusal.fields).length === 0) unassigned.push(refusal.message);
  return { errors: { ...found.errors, ...errors }, unassigned };
}
