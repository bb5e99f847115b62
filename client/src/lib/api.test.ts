import { describe, expect, it } from 'vitest';
import { toApiError } from './api.ts';
import { estimateOffset } from './clock.ts';

describe('api errors', () => {
  it('keeps the code, message and fields of a server error', () => {
    const error = toApiError(400, {
      error: { code: 'validation_failed', message: 'Invalid', fields: { 'body.email': 'bad' } },
    });
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Invalid',
      fields: { 'body.email': 'bad' },
    });
  });

  it('names a proxy error page without JSON by its status', () => {
    expect(toApiError(502, undefined).code).toBe('unavailable');
    expect(toApiError(410, undefined).code).toBe('gone');
  });
});

describe('server clock', () => {
  it('estimates how far the server clock is ahead from the Date header', () => {
    const sentAt = Date.parse('2026-03-12T09:00:00.000Z');
    const offset = estimateOffset('Thu, 12 Mar 2026 09:02:00 GMT', sentAt, sentAt + 200);
    expect(offset).toBe(120_000 + 500 - 100);
  });

  it('ignores an unreadable Date header', () => {
    expect(estimateOffset('not a date', 0, 0)).toBeNull();
  });
});
