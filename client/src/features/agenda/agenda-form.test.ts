import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '@plenum/shared';
import {
  agendaErrorsFromServer,
  agendaFormFromItem,
  agendaPatch,
  checkAgendaForm,
  emptyAgendaForm,
  formatSpeakers,
  parseSpeakers,
  type AgendaFormValues,
} from './agenda-form.ts';

const tz = 'Europe/Berlin';

const item = (over: Partial<AgendaItem> = {}): AgendaItem => ({
  id: 'a0000000-0000-4000-8000-000000000001',
  roomId: null,
  kind: 'talk',
  title: 'Sozialplanung in Arnsberg',
  description: '',
  speakers: [{ name: 'Stefanie Brandt', affiliation: 'Stadt Arnsberg' }],
  startsAt: '2026-03-12T09:00:00.000Z',
  durationMinutes: 30,
  actualStartAt: null,
  actualEndAt: null,
  ...over,
});

const values = (over: Partial<AgendaFormValues> = {}): AgendaFormValues => ({
  title: 'Kaffeepause',
  kind: 'break',
  date: '2026-03-12',
  time: '10:30',
  durationMinutes: '15',
  speakers: '',
  description: '',
  ...over,
});

describe('agenda form', () => {
  it('sends the start as the event’s wall clock with its offset', () => {
    expect(checkAgendaForm(values(), tz)).toEqual({
      ok: true,
      body: {
        title: 'Kaffeepause',
        kind: 'break',
        description: '',
        speakers: [],
        startsAt: '2026-03-12T10:30:00+01:00',
        durationMinutes: 15,
      },
    });
  });

  it('names each field that is wrong', () => {
    const result = checkAgendaForm(
      values({ title: '  ', durationMinutes: '0', time: '25:00', speakers: ', Stadt' }),
      tz,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        title: { key: 'required' },
        durationMinutes: { key: 'numberRange', min: 1, max: 1440 },
        time: { key: 'invalidTime' },
        speakers: { key: 'required' },
      },
    });
  });

  it('refuses a start in the hour skipped when summer time begins', () => {
    const result = checkAgendaForm(values({ date: '2026-03-29', time: '02:15' }), tz);
    expect(result).toEqual({ ok: false, errors: { time: { key: 'nonexistentTime' } } });
  });

  it('refuses a date that is not one', () => {
    const result = checkAgendaForm(values({ date: '' }), tz);
    expect(result).toEqual({ ok: false, errors: { date: { key: 'invalidDate' } } });
  });

  it('shows an item’s UTC start on the event’s clock', () => {
    expect(agendaFormFromItem(item(), tz)).toMatchObject({
      date: '2026-03-12',
      time: '10:00',
      durationMinutes: '30',
      speakers: 'Stefanie Brandt, Stadt Arnsberg',
    });
  });

  it('starts a new item where the agenda ends', () => {
    expect(
      emptyAgendaForm([item()], { startsAt: '2026-03-12T07:00:00Z', timeZone: tz }),
    ).toMatchObject({ date: '2026-03-12', time: '10:30' });
    expect(emptyAgendaForm([], { startsAt: '2026-03-12T07:00:00Z', timeZone: tz })).toMatchObject({
      date: '2026-03-12',
      time: '09:00',
    });
  });
});

describe('speakers', () => {
  it('reads one speaker per line, the institution after the first comma', () => {
    expect(parseSpeakers('Anna Lehmann, Hochschule, Fachbereich 4\n\n  Murat Yılmaz ')).toEqual({
      ok: true,
      value: [
        { name: 'Anna Lehmann', affiliation: 'Hochschule, Fachbereich 4' },
        { name: 'Murat Yılmaz' },
      ],
    });
  });

  it('writes them back the same way', () => {
    const text = 'Anna Lehmann, Hochschule\nMurat Yılmaz';
    const parsed = parseSpeakers(text);
    expect(parsed.ok && formatSpeakers(parsed.value)).toBe(text);
  });
});

describe('agenda patch', () => {
  const original = agendaFormFromItem(item(), tz);
  const patchFor = (edited: AgendaFormValues) => {
    const checked = checkAgendaForm(edited, tz);
    if (!checked.ok) throw new Error('invalid');
    return agendaPatch(original, checked.body, edited);
  };

  it('sends only what changed', () => {
    expect(patchFor({ ...original, time: '10:15', durationMinutes: '45' })).toEqual({
      startsAt: '2026-03-12T10:15:00+01:00',
      durationMinutes: 45,
    });
  });

  it('leaves the speakers alone when their text did not change', () => {
    expect(patchFor({ ...original, title: 'Neu' })).toEqual({ title: 'Neu' });
  });

  it('is nothing when nothing changed', () => {
    expect(patchFor({ ...original, time: '10:00 '.trim() })).toBeNull();
  });
});

describe('agenda errors from the server', () => {
  const other = item({
    id: 'b0000000-0000-4000-8000-000000000002',
    title: 'Kaffeepause',
    startsAt: '2026-03-12T09:30:00.000Z',
    durationMinutes: 15,
  });

  it('names the item an overlap is with, by title and time', () => {
    const found = agendaErrorsFromServer(
      {
        status: 409,
        message: 'would overlap',
        fields: { 'body.startsAt': `overlaps agenda item ${other.id}` },
      },
      [item(), other],
      tz,
      'de-DE',
    );
    expect(found).toEqual({
      errors: { time: { key: 'overlap', title: 'Kaffeepause', range: '10:30–10:45' } },
      unassigned: [],
    });
  });

  it('names the event’s days when a start lies outside them', () => {
    const found = agendaErrorsFromServer(
      {
        status: 400,
        message: 'outside',
        fields: { 'body.startsAt': 'must lie within 2026-03-12 to 2026-03-13' },
      },
      [],
      tz,
      'de-DE',
    );
    expect(found.errors).toEqual({
      date: { key: 'outsideEvent', first: '12.03.2026', last: '13.03.2026' },
    });
  });

  it('places other field errors at their field and keeps the rest', () => {
    const found = agendaErrorsFromServer(
      {
        status: 400,
        message: 'Invalid input',
        fields: { 'body.speakers.0.name': 'too long', 'body.unknown': 'strange' },
      },
      [],
      tz,
      'de-DE',
    );
    expect(found).toEqual({
      errors: { speakers: { key: 'rejected', detail: 'too long' } },
      unassigned: ['strange'],
    });
  });

  it('keeps the message of a refusal without fields', () => {
    const found = agendaErrorsFromServer(
      { status: 409, message: 'Something else', fields: {} },
      [],
      tz,
      'de-DE',
    );
    expect(found).toEqual({ errors: {}, unassigned: ['Something else'] });
  });
});
