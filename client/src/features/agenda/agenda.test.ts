import { describe, expect, it } from 'vitest';
import { localDay } from '@plenum/shared/time';
import { formatTimeRange, groupByDay, liveItemIds } from './agenda.ts';

const berlin = 'Europe/Berlin';

function item(
  id: string,
  startsAt: string,
  durationMinutes = 30,
  actual: Partial<Record<'actualStartAt' | 'actualEndAt', string>> = {},
) {
  return {
    id,
    startsAt,
    durationMinutes,
    actualStartAt: actual.actualStartAt ?? null,
    actualEndAt: actual.actualEndAt ?? null,
  };
}

describe('agenda time ranges in the event time zone', () => {
  it('spans the spring-forward gap in a time range', () => {
    expect(
      formatTimeRange({ startsAt: '2026-03-29T00:30:00Z', durationMinutes: 60 }, berlin, 'de-DE'),
    ).toBe('01:30–03:30');
  });

  it('uses the 24-hour clock in English too', () => {
    expect(
      formatTimeRange({ startsAt: '2026-03-12T13:00:00Z', durationMinutes: 30 }, berlin, 'en-GB'),
    ).toBe('14:00–14:30');
  });
});

describe('agenda days', () => {
  it('counts a late-evening UTC item to the next Berlin day', () => {
    expect(localDay('2026-03-12T23:30:00Z', berlin)).toBe('2026-03-13');
  });

  it('groups items by Berlin day, sorted by start', () => {
    const days = groupByDay(
      [
        item('c', '2026-03-13T08:00:00Z'),
        item('b', '2026-03-12T13:00:00Z'),
        item('a', '2026-03-12T08:00:00Z'),
        item('late', '2026-03-12T23:15:00Z'),
      ],
      berlin,
    );
    expect(days.map((d) => [d.key, d.items.map((i) => i.id)])).toEqual([
      ['2026-03-12', ['a', 'b']],
      ['2026-03-13', ['late', 'c']],
    ]);
    expect(days[1]?.firstStartsAt).toBe('2026-03-12T23:15:00Z');
  });

  it('returns no days for an empty agenda', () => {
    expect(groupByDay([], berlin)).toEqual([]);
  });
});

describe('live agenda item', () => {
  const at = (iso: string) => Date.parse(iso);
  const talk = item('talk', '2026-03-12T09:00:00Z', 30);
  const next = item('next', '2026-03-12T09:30:00Z', 30);

  it('marks the item whose slot contains now', () => {
    expect(liveItemIds([talk, next], at('2026-03-12T09:10:00Z'))).toEqual(new Set(['talk']));
  });

  it('includes the start and excludes the end of a slot', () => {
    expect(liveItemIds([talk, next], at('2026-03-12T09:00:00Z'))).toEqual(new Set(['talk']));
    expect(liveItemIds([talk, next], at('2026-03-12T09:30:00Z'))).toEqual(new Set(['next']));
  });

  it('marks nothing between slots', () => {
    expect(liveItemIds([talk], at('2026-03-12T08:59:59Z'))).toEqual(new Set());
  });

  it('keeps an overrunning item live and not the one whose slot began', () => {
    const overrun = item('talk', '2026-03-12T09:00:00Z', 30, {
      actualStartAt: '2026-03-12T09:02:00Z',
    });
    expect(liveItemIds([overrun, next], at('2026-03-12T09:40:00Z'))).toEqual(new Set(['talk']));
  });

  it('marks an item started early by the organizer before its slot', () => {
    const early = item('next', '2026-03-12T09:30:00Z', 30, {
      actualStartAt: '2026-03-12T09:25:00Z',
    });
    expect(liveItemIds([talk, early], at('2026-03-12T09:26:00Z'))).toEqual(new Set(['next']));
  });

  it('does not mark an item that ended early', () => {
    const ended = item('talk', '2026-03-12T09:00:00Z', 30, {
      actualStartAt: '2026-03-12T09:00:00Z',
      actualEndAt: '2026-03-12T09:20:00Z',
    });
    expect(liveItemIds([ended, next], at('2026-03-12T09:25:00Z'))).toEqual(new Set());
  });
});
