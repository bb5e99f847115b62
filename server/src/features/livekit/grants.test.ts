import { describe, expect, it } from 'vitest';
import { TrackSource } from 'livekit-server-sdk';
import { roles, type Role, type RoomKind } from '@plenum/shared';
import { mediaRightsFor } from './grants.ts';

const publishes: Record<RoomKind, Record<Role, boolean>> = {
  plenary: { organizer: true, moderator: true, speaker: true, captioner: false, attendee: false },
  working_group: {
    organizer: true,
    moderator: true,
    speaker: true,
    captioner: false,
    attendee: true,
  },
};

describe('media rights by role and room', () => {
  for (const kind of ['plenary', 'working_group'] as const) {
    for (const role of roles) {
      const expected = publishes[kind][role];
      it(`${role} ${expected ? 'publishes' : 'only watches'} in the ${kind.replace('_', ' ')}`, () => {
        const rights = mediaRightsFor({ role, roomKind: kind, promoted: false });
        expect(rights.canPublish).toBe(expected);
        expect(rights.canPublishData).toBe(expected);
        expect(rights.canSubscribe).toBe(true);
        expect(rights.canPublishSources).toEqual(
          expected
            ? [
                TrackSource.CAMERA,
                TrackSource.MICROPHONE,
                TrackSource.SCREEN_SHARE,
                TrackSource.SCREEN_SHARE_AUDIO,
              ]
            : [],
        );
      });
    }
  }

  it('a promoted attendee publishes camera, microphone and screen in the plenary', () => {
    const rights = mediaRightsFor({ role: 'attendee', roomKind: 'plenary', promoted: true });
    expect(rights.canPublish).toBe(true);
    expect(rights.canPublishSources).toContain(TrackSource.SCREEN_SHARE);
  });
});
