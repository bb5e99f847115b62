import { describe, expect, it } from 'vitest';
import type { AttendanceReport } from '@plenum/shared';
import { peopleAttending } from './attendance.ts';

describe('attendance', () => {
  it('counts each person once across rooms, and each erased connection on its own', () => {
    const person = (personId: string | null) => ({
      personId,
      displayName: personId,
      firstJoinedAt: '2026-03-12T08:30:00Z',
      lastLeftAt: null,
      totalMinutes: 5,
      mediaMinutes: 0,
      spans: [],
    });
    const report: AttendanceReport = {
      generatedAt: '2026-03-12T10:00:00Z',
      timeZone: 'Europe/Berlin',
      rooms: [
        {
          roomId: '00000000-0000-4000-8000-000000000001',
          name: 'Plenum',
          kind: 'plenary',
          people: [person('a'), person('b'), person(null)],
        },
        {
          roomId: '00000000-0000-4000-8000-000000000002',
          name: 'AG 1',
          kind: 'working_group',
          people: [person('a'), person(null)],
        },
      ],
    };
    expect(peopleAttending(report)).toBe(4);
  });
});
