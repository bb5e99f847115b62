import { beforeAll, describe, expect, it } from 'vitest';
import { AttendanceReport } from '@plenum/shared';
import { useTestApp } from '../../test/socket-world.ts';
import { attend, join, type Member } from '../../test/fixtures.ts';
import { createPhaseWorld, type PhaseWorld } from '../../test/world.ts';
import { coveredMinutes } from './attendance.ts';

const t = useTestApp();
let e: PhaseWorld;
let anna: Member;
let ben: Member;
beforeAll(async () => {
  e = await createPhaseWorld(t.app);
  // A name a spreadsheet would run as a formula, and one with the CSV separator in it.
  anna = await join(t.app, e.event.id, 'attendee', '=Anna');
  ben = await join(t.app, e.event.id, 'attendee', 'Meier; Ben');
  const cara = await join(t.app, e.event.id, 'attendee', 'Cara');
  // Through LiveKit's signed webhooks, as in production. Anna reconnects, then opens a second tab.
  await attend(t.app, e.plenary.id, anna.personId, '2026-03-12T08:00:00Z', '2026-03-12T08:30:00Z');
  await attend(t.app, e.plenary.id, anna.personId, '2026-03-12T08:40:00Z', '2026-03-12T09:00:00Z');
  await attend(t.app, e.plenary.id, anna.personId, '2026-03-12T08:50:00Z', '2026-03-12T09:05:00Z');
  await attend(t.app, e.group.id, ben.personId, '2026-03-12T09:10:00Z', null);
  await attend(t.app, e.group.id, cara.personId, '2026-03-12T09:10:00Z', '2026-03-12T09:30:00Z');
  const erased = await t.app.inject({
    method: 'POST',
    url: `/api/events/${e.slug}/people/${cara.personId}/erase`,
    headers: { cookie: e.organizer.cookie },
  });
  expect(erased.statusCode).toBe(200);
});

const get = (path: string, member: Member = e.organizer) =>
  t.app.inject({ url: `/api/events/${e.slug}/${path}`, headers: { cookie: member.cookie } });

describe('attendance view', () => {
  it('shows per room who was there, from when to when, and for how many minutes', async () => {
    const res = await get('attendance');
    expect(res.statusCode).toBe(200);
    const report = AttendanceReport.parse(res.json());
    expect(report.timeZone).toBe('Europe/Berlin');
    const [plenary, group] = report.rooms;
    expect(plenary).toMatchObject({ roomId: e.plenary.id, kind: 'plenary' });
    expect(plenary!.people).toEqual([
      {
        personId: anna.personId,
        displayName: '=Anna',
        firstJoinedAt: '2026-03-12T08:00:00.000Z',
        lastLeftAt: '2026-03-12T09:05:00.000Z',
        // 30 minutes, then 08:40–09:05 with the second tab's overlap counted once.
        totalMinutes: 55,
        mediaMinutes: 55,
        spans: [
          {
            joinedAt: '2026-03-12T08:00:00.000Z',
            leftAt: '2026-03-12T08:30:00.000Z',
            source: 'media',
          },
          {
            joinedAt: '2026-03-12T08:40:00.000Z',
            leftAt: '2026-03-12T09:00:00.000Z',
            source: 'media',
          },
          {
            joinedAt: '2026-03-12T08:50:00.000Z',
            leftAt: '2026-03-12T09:05:00.000Z',
            source: 'media',
          },
        ],
      },
    ]);
    expect(group!.roomId).toBe(e.group.id);
    const [stillThere, erased] = group!.people;
    expect(stillThere).toMatchObject({ personId: ben.personId, lastLeftAt: null });
    expect(stillThere!.totalMinutes).toBeGreaterThan(0);
    // The erased person's time still counts for the room, without a name.
    expect(erased).toMatchObject({ personId: null, displayName: null, totalMinutes: 20 });
  });

  it('exports as CSV for spreadsheets: semicolons, Berlin time, no formulas', async () => {
    const res = await get('attendance.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = res.body.slice(1).trimEnd().split('\r\n');
    expect(rows).toEqual([
      'Raum;Person;Erster Beitritt;Zuletzt verlassen;Minuten;davon mit Medien',
      "Plenum;'=Anna;2026-03-12 09:00;2026-03-12 10:05;55;55",
      expect.stringMatching(/^AG Mobilität;"Meier; Ben";2026-03-12 10:10;;(\d+);\1$/),
      'AG Mobilität;(gelöscht);2026-03-12 10:10;2026-03-12 10:30;20;20',
    ]);
  });

  it('only organizers see attendance', async () => {
    const moderator = await join(t.app, e.event.id, 'moderator');
    for (const path of ['attendance', 'attendance.csv']) {
      expect((await get(path, anna)).statusCode).toBe(403);
      expect((await get(path, moderator)).statusCode).toBe(403);
    }
  });

  it('counts overlapping connections once and open ones up to now', () => {
    const at = (hm: string) => new Date(`2026-03-12T${hm}:00Z`);
    expect(coveredMinutes([], at('10:00'))).toBe(0);
    expect(
      coveredMinutes(
        [
          { joinedAt: at('09:00'), leftAt: at('09:30') },
          { joinedAt: at('09:10'), leftAt: at('09:20') },
          { joinedAt: at('09:30'), leftAt: at('09:40') },
          { joinedAt: at('09:50'), leftAt: null },
        ],
        at('10:00'),
      ),
    ).toBe(50);
  });
});
