import { describe, expect, it } from 'vitest';
import { canShareScreen, placeBarControls } from './bar-layout.ts';

const everything = { screen: true, screenSupported: true, reactions: true };

describe('placeBarControls', () => {
  it('keeps every control in the row on a wide window, with no "Mehr" menu', () => {
    expect(placeBarControls({ ...everything, compact: false })).toEqual({
      screen: 'row',
      reactions: 'row',
      more: false,
    });
  });

  it('moves screen sharing and reactions into "Mehr" on a phone', () => {
    expect(placeBarControls({ ...everything, compact: true })).toEqual({
      screen: 'more',
      reactions: 'more',
      more: true,
    });
  });

  it('leaves out the screen switch where the browser cannot share a screen', () => {
    expect(placeBarControls({ ...everything, compact: true, screenSupported: false })).toEqual({
      screen: 'none',
      reactions: 'more',
      more: true,
    });
  });

  it('shows no "Mehr" button when nothing would be in it', () => {
    expect(
      placeBarControls({ compact: true, screen: false, screenSupported: true, reactions: false }),
    ).toEqual({ screen: 'none', reactions: 'none', more: false });
  });
});

describe('canShareScreen', () => {
  it('is true only where getDisplayMedia exists', () => {
    const withDisplay = { mediaDevices: { getDisplayMedia: () => {} } } as unknown as Navigator;
    const phone = { mediaDevices: {} } as unknown as Navigator;
    expect(canShareScreen(withDisplay)).toBe(true);
    expect(canShareScreen(phone)).toBe(false);
    expect(canShareScreen({} as Navigator)).toBe(false);
  });
});
