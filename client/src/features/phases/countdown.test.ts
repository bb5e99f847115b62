import { describe, expect, it } from 'vitest';
import { crossedThreshold, formatCountdown, minutesLeft, timeLeft } from './countdown.ts';

const deadline = '2026-03-12T10:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('countdown', () => {
  it('counts minutes and seconds to the deadline', () => {
    const left = timeLeft(deadline, at('2026-03-12T09:47:55.000Z'));
    expect(left && formatCountdown(left)).toBe('12:05');
  });

  it('shows hours once more than an hour is left', () => {
    const left = timeLeft(deadline, at('2026-03-12T08:57:55.000Z'));
    expect(left && formatCountdown(left)).toBe('1:02:05');
  });

  it('rounds a partial second up, so 0:00 means time is really up', () => {
    const left = timeLeft(deadline, at('2026-03-12T09:59:59.200Z'));
    expect(left && formatCountdown(left)).toBe('0:01');
    expect(left?.expired).toBe(false);
  });

  it('stops at zero after the deadline', () => {
    const left = timeLeft(deadline, at('2026-03-12T10:03:00.000Z'));
    expect(left).toMatchObject({ ms: 0, expired: true });
    expect(left && formatCountdown(left)).toBe('0:00');
  });

  it('counts from server time: a clock offset moves the result', () => {
    const laptop = at('2026-03-12T09:50:00.000Z');
    const serverAhead = 2 * 60_000;
    expect(timeLeft(deadline, laptop + serverAhead)?.minutes).toBe(8);
  });

  it('has nothing to show without a deadline or with an unreadable one', () => {
    expect(timeLeft(null, 0)).toBeNull();
    expect(timeLeft('soon', 0)).toBeNull();
  });

  it('rounds minutes up for screen readers', () => {
    const left = timeLeft(deadline, at('2026-03-12T09:55:30.000Z'));
    expect(left && minutesLeft(left)).toBe(5);
  });
});

describe('countdown announcements', () => {
  const min = 60_000;

  it('announces a threshold once, when it is crossed', () => {
    expect(crossedThreshold(5 * min + 500, 5 * min - 500)).toBe(5);
    expect(crossedThreshold(5 * min - 500, 5 * min - 1500)).toBeNull();
  });

  it('announces only the last threshold after a jump', () => {
    expect(crossedThreshold(11 * min, 30_000)).toBe(1);
  });

  it('stays quiet on the first reading', () => {
    expect(crossedThreshold(null, 4 * min)).toBeNull();
  });
});
