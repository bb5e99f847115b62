/**
 * Where each control of the bar goes. On a phone the bar is one row of icon buttons; what does not
 * fit that row (sharing the screen, reactions) moves into the "Mehr" menu, and the screen switch
 * is left out where the browser cannot share a screen at all (phones).
 */

/** Widths at which the bar is a single row of icon buttons (the same as control-bar.css). */
export const compactBarQuery = '(max-width: 30rem)';

export interface BarContent {
  compact: boolean;
  /** The stage offers a screen switch (the person may publish). */
  screen: boolean;
  /** `navigator.mediaDevices.getDisplayMedia` exists. */
  screenSupported: boolean;
  reactions: boolean;
}

export interface BarPlacement {
  screen: 'row' | 'more' | 'none';
  reactions: 'row' | 'more' | 'none';
  /** The "Mehr" button is shown only when something is in it. */
  more: boolean;
}

export function placeBarControls(content: BarContent): BarPlacement {
  const overflow = content.compact ? 'more' : 'row';
  const screen = content.screen && content.screenSupported ? overflow : 'none';
  const reactions = content.reactions ? overflow : 'none';
  return { screen, reactions, more: screen === 'more' || reactions === 'more' };
}

/** Whether this browser can share a screen; phones' browsers cannot. */
export function canShareScreen(nav: Navigator | undefined = globalThis.navigator): boolean {
  return typeof nav?.mediaDevices?.getDisplayMedia === 'function';
}
