import { describe, expect, it } from 'vitest';
import { formatDateTime } from './time-format.ts';

describe('times on the event’s clock', () => {
  it('shows a date and time for a table', () => {
    expect(formatDateTime('2026-03-12T08:30:00Z', 'Europe/Berlin', 'de-DE')).toBe(
      '12.03.2026, 09:30',
    );
    expect(formatDateTime('2026-07-01T22:05:00Z', 'Europe/Berlin', 'de-DE')).toBe(
      '02.07.2026, 00:05',
    );
  });
});
