import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { linkProblemOf } from './linkProblem.ts';

describe('invitation link problems', () => {
  it('calls an unknown token an invalid link', () => {
    expect(linkProblemOf(new ApiError(404, 'not_found', 'Invitation not found'))).toBe('invalid');
  });

  it('calls a malformed token an invalid link', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', {
      'params.token': 'malformed',
    });
    expect(linkProblemOf(error)).toBe('invalid');
  });

  it('names the reason a link is gone when the server gives one', () => {
    expect(linkProblemOf(new ApiError(410, 'gone', 'x', {}, 'used_up'))).toBe('usedUp');
    expect(linkProblemOf(new ApiError(410, 'gone', 'x', {}, 'expired'))).toBe('expired');
  });

  it('says expired, revoked or used up when the server gives no reason', () => {
    expect(linkProblemOf(new ApiError(410, 'gone', 'x'))).toBe('gone');
  });

  it('leaves connection trouble to the general error message', () => {
    expect(linkProblemOf(new ApiError(0, 'network', 'offline'))).toBeNull();
    expect(linkProblemOf(new ApiError(429, 'rate_limited', 'slow down'))).toBeNull();
  });
});
