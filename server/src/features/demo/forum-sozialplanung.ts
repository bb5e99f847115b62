import type { AgendaKind, EventInput } from '@plenum/shared';
import { zonedTimeToUtc } from '@plenum/shared/time';
import type { AgendaSpeaker } from '../../db/schema/index.ts';

const TZ = 'Europe/Berlin';

/** The demo forum starts on the next Monday (Berlin time) after "now", so it is never in the past. */
export const demoEvent = {
  slug: 'forum-sozialplanung-demo',
  datesFrom(now: Date) {
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const untilMonday = (8 - day.getUTCDay()) % 7 || 7;
    day.setUTCDate(day.getUTCDate() + untilMonday);
    const dayOne = day.toISOString().slice(0, 10);
    day.setUTCDate(day.getUTCDate() + 1);
    const dayTwo = day.toISOString().slice(0, 10);
    const input: EventInput = {
      slug: 'forum-sozialplanung-demo',
      title: 'Forum Sozialplanung — Demo',
      description:
        'Zweitägiges Fachforum zur kommunalen Sozialplanung: Praxisberichte aus Kommunen, ' +
        'wissenschaftliche Reflexion und drei parallele Arbeitsgruppen.',
      timeZone: TZ,
      startsAt: zonedTimeToUtc(`${dayOne}T09:00`, TZ).toISOString(),
      endsAt: zonedTimeToUtc(`${dayTwo}T13:00`, TZ).toISOString(),
    };
    return { input, dayOne, dayTwo };
  },
};

export const demoWorkingGroups = [
  {
    name: 'AG 1: Daten und Monitoring',
    description: 'Sozialberichterstattung, kleinräumige Daten und Indikatoren.',
    moderator: 'Dr. Katrin Vogt',
  },
  {
    name: 'AG 2: Beteiligung und Quartier',
    description: 'Wie Bürgerinnen und Bürger an der Sozialplanung mitwirken.',
    moderator: 'Jens Albers',
  },
  {
    name: 'AG 3: Steuerung und Haushalt',
    description: 'Sozialplanung als Steuerungsinstrument in Verwaltung und Politik.',
    moderator: 'Miriam Özdemir',
  },
];

interface DemoItem {
  kind: AgendaKind;
  title: string;
  description?: string;
  speakers?: AgendaSpeaker[];
  startsAt: Date;
  durationMinutes: number;
}

export function demoAgenda(dayOne: string, dayTwo: string): DemoItem[] {
  const at = (day: string, time: string) => zonedTimeToUtc(`${day}T${time}`, TZ);
  return [
    {
      kind: 'opening',
      title: 'Begrüßung und Eröffnung',
      startsAt: at(dayOne, '09:00'),
      durationMinutes: 30,
      speakers: [{ name: 'Organisationsteam', affiliation: 'Forum Sozialplanung' }],
    },
    {
      kind: 'talk',
      title: 'Sozialplanung in Arnsberg: vom Bericht zur Maßnahme',
      startsAt: at(dayOne, '09:30'),
      durationMinutes: 30,
      speakers: [{ name: 'Stefanie Brandt', affiliation: 'Stadt Arnsberg' }],
    },
    {
      kind: 'talk',
      title: 'Gelsenkirchen: Quartiersarbeit datengestützt steuern',
      startsAt: at(dayOne, '10:00'),
      durationMinutes: 30,
      speakers: [{ name: 'Murat Yılmaz', affiliation: 'Stadt Gelsenkirchen' }],
    },
    { kind: 'break', title: 'Kaffeepause', startsAt: at(dayOne, '10:30'), durationMinutes: 15 },
    {
      kind: 'talk',
      title: 'Kreis Pinneberg: Sozialplanung im ländlichen Raum',
      startsAt: at(dayOne, '10:45'),
      durationMinutes: 30,
      speakers: [{ name: 'Hauke Petersen', affiliation: 'Kreis Pinneberg' }],
    },
    {
      kind: 'talk',
      title: 'Wissenschaftliche Reflexion: Was wirkt in der Sozialplanung?',
      startsAt: at(dayOne, '11:15'),
      durationMinutes: 45,
      speakers: [{ name: 'Prof. Dr. Anna Lehmann', affiliation: 'Hochschule für Soziale Arbeit' }],
    },
    { kind: 'break', title: 'Mittagspause', startsAt: at(dayOne, '12:00'), durationMinutes: 60 },
    {
      kind: 'working_group_phase',
      title: 'Parallele Arbeitsgruppen',
      startsAt: at(dayOne, '13:00'),
      durationMinutes: 60,
      description: 'Drei Arbeitsgruppen mit je bis zu 40 Teilnehmenden.',
    },
    {
      kind: 'results',
      title: 'Ergebnisse aus den Arbeitsgruppen',
      startsAt: at(dayOne, '14:15'),
      durationMinutes: 45,
    },
    {
      kind: 'closing',
      title: 'Abschluss des ersten Tages',
      startsAt: at(dayOne, '15:00'),
      durationMinutes: 15,
    },
    {
      kind: 'opening',
      title: 'Rückblick und Einstieg in Tag 2',
      startsAt: at(dayTwo, '09:00'),
      durationMinutes: 30,
    },
    {
      kind: 'talk',
      title: 'Podiumsgespräch: Sozialplanung 2030',
      startsAt: at(dayTwo, '09:30'),
      durationMinutes: 90,
      speakers: [
        { name: 'Stefanie Brandt', affiliation: 'Stadt Arnsberg' },
        { name: 'Hauke Petersen', affiliation: 'Kreis Pinneberg' },
        { name: 'Prof. Dr. Anna Lehmann', affiliation: 'Hochschule für Soziale Arbeit' },
      ],
    },
    {
      kind: 'closing',
      title: 'Abschluss und Verabschiedung',
      startsAt: at(dayTwo, '12:30'),
      durationMinutes: 30,
    },
  ];
}
