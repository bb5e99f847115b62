import { describe, expect, it } from 'vitest';
import { socketRoom } from '../../realtime/rooms.ts';
import { presenceBatchDelayMs, widestAudienceOf } from './broadcast.ts';

describe('how long a presence change waits for its batch', () => {
  it('an attendee’s change is timed by the watchers, a moderator’s by the whole event', () => {
    expect(widestAudienceOf('e1', 'attendee')).toBe(socketRoom.presenceWatchers('e1'));
    // A connection recovered from an older node has no role: it is told to watchers only.
    expect(widestAudienceOf('e1', undefined)).toBe(socketRoom.presenceWatchers('e1'));
    expect(widestAudienceOf('e1', null)).toBe(socketRoom.presenceWatchers('e1'));
    for (const role of ['organizer', 'moderator', 'speaker', 'captioner'] as const) {
      expect(widestAudienceOf('e1', role)).toBe(socketRoom.event('e1'));
    }
  });

  it.each([
    [0, 250],
    [1, 250],
    [250, 250],
    [251, 500],
    [1000, 1000],
    [5000, 2000],
  ])('reaching %i sockets: %i ms', (reached, ms) => {
    expect(presenceBatchDelayMs(reached, 250)).toBe(ms);
  });
});
