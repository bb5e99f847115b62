import { describe, expect, it } from 'vitest';
import { chooseStageLayout, type StageChoice, type StageTile } from './stage-layout.ts';

function cam(identity: string, extra: Partial<StageTile> = {}): StageTile {
  return {
    key: `${identity}:camera`,
    identity,
    source: 'camera',
    isLocal: false,
    hasVideo: true,
    speaking: false,
    ...extra,
  };
}
const screen = (identity: string, isLocal = false): StageTile => ({
  key: `${identity}:screen_share`,
  identity,
  source: 'screen_share',
  isLocal,
  hasVideo: true,
  speaking: false,
});

const plenary: StageChoice = {
  roomKind: 'plenary',
  agendaSpeakerIds: new Set(),
  pinnedId: null,
  spotlightId: null,
  interpreterIds: new Set(),
  previousMain: null,
};
const choose = (tiles: StageTile[], choice: Partial<StageChoice> = {}) =>
  chooseStageLayout(tiles, { ...plenary, ...choice });

describe('stage layout', () => {
  it('shows an empty stage when nobody publishes', () => {
    expect(choose([])).toEqual({ mode: 'empty', interpreters: [] });
  });

  it('after a phase, the speaker with video is main, not the camera-off organizer who spoke last', () => {
    // The "OO" regression: the organizer spoke last with the camera off and was main before.
    const organizer = cam('olga', { hasVideo: false, speaking: true });
    const layout = choose([organizer, cam('sami')], { previousMain: 'olga:camera' });
    expect(layout).toMatchObject({ mode: 'focus', main: 'sami:camera', side: ['olga:camera'] });
  });

  it('never makes a tile without video main while someone shows video', () => {
    const layout = choose(
      [
        cam('olga', { hasVideo: false }),
        cam('moritz', { hasVideo: false }),
        cam('me', { isLocal: true }),
      ],
      { agendaSpeakerIds: new Set(['olga']) },
    );
    expect(layout).toMatchObject({ main: 'me:camera', reason: 'video' });
  });

  it('prefers a shared screen over any speaker', () => {
    const layout = choose([cam('olga'), cam('anna', { speaking: true }), screen('ben')], {
      agendaSpeakerIds: new Set(['olga']),
    });
    expect(layout).toMatchObject({ main: 'ben:screen_share', reason: 'screen' });
  });

  it('prefers someone else’s screen over one’s own', () => {
    expect(choose([screen('me', true), screen('ben')])).toMatchObject({ main: 'ben:screen_share' });
  });

  it('prefers the agenda item’s speaker with video over whoever speaks', () => {
    const layout = choose([cam('moritz', { speaking: true }), cam('sami')], {
      agendaSpeakerIds: new Set(['sami']),
    });
    expect(layout).toMatchObject({ main: 'sami:camera', reason: 'agenda_speaker' });
  });

  it('among several agenda speakers, the one speaking now', () => {
    const layout = choose([cam('sami'), cam('petra', { speaking: true })], {
      agendaSpeakerIds: new Set(['sami', 'petra']),
      previousMain: 'sami:camera',
    });
    expect(layout).toMatchObject({ main: 'petra:camera' });
  });

  it('without agenda speakers, the active speaker with video is main', () => {
    const layout = choose([cam('olga'), cam('anna', { speaking: true })]);
    expect(layout).toMatchObject({ main: 'anna:camera', reason: 'active_speaker' });
  });

  it('keeps the last speaker main during a pause', () => {
    const layout = choose([cam('olga'), cam('anna')], { previousMain: 'anna:camera' });
    expect(layout).toMatchObject({ main: 'anna:camera', reason: 'kept' });
  });

  it('never puts oneself main while someone else shows video', () => {
    const layout = choose([cam('me', { isLocal: true, speaking: true }), cam('olga')]);
    expect(layout).toMatchObject({ main: 'olga:camera' });
  });

  it('a pin for oneself wins over everything, even a screen and the spotlight', () => {
    const layout = choose([cam('olga'), cam('anna'), screen('ben')], {
      pinnedId: 'olga',
      spotlightId: 'anna',
    });
    expect(layout).toMatchObject({ main: 'olga:camera', reason: 'pinned' });
  });

  it('a pinned person who shares a screen is shown with the screen', () => {
    const layout = choose([cam('olga'), cam('ben'), screen('ben')], { pinnedId: 'ben' });
    expect(layout).toMatchObject({ main: 'ben:screen_share', reason: 'pinned' });
  });

  it('a pin on someone who left falls back to the rules', () => {
    const layout = choose([cam('olga'), cam('anna', { speaking: true })], { pinnedId: 'gone' });
    expect(layout).toMatchObject({ main: 'anna:camera', reason: 'active_speaker' });
  });

  it('the spotlight for everyone wins over a screen and the speakers', () => {
    const layout = choose([cam('olga', { speaking: true }), cam('anna'), screen('ben')], {
      spotlightId: 'anna',
      agendaSpeakerIds: new Set(['olga']),
    });
    expect(layout).toMatchObject({ main: 'anna:camera', reason: 'spotlight' });
  });

  it('keeps the interpreter beside the main tile and never makes them main by itself', () => {
    const layout = choose([cam('ida', { speaking: true }), cam('sami'), cam('olga')], {
      interpreterIds: new Set(['ida']),
      agendaSpeakerIds: new Set(['sami']),
    });
    expect(layout).toEqual({
      mode: 'focus',
      main: 'sami:camera',
      reason: 'agenda_speaker',
      side: ['olga:camera'],
      interpreters: ['ida:camera'],
    });
  });

  it('the interpreter stays beside a shared screen too', () => {
    const layout = choose([cam('ida'), screen('ben')], { interpreterIds: new Set(['ida']) });
    expect(layout).toMatchObject({ main: 'ben:screen_share', interpreters: ['ida:camera'] });
  });

  it('lists those with video first beside the main tile', () => {
    const layout = choose([cam('olga', { hasVideo: false }), cam('sami'), cam('anna')], {
      agendaSpeakerIds: new Set(['sami']),
    });
    expect(layout).toMatchObject({ main: 'sami:camera', side: ['anna:camera', 'olga:camera'] });
  });

  it('shows a working group as a grid, unless a screen, pin or spotlight asks for a main tile', () => {
    const group = { roomKind: 'working_group' as const };
    const tiles = [cam('anna'), cam('ben', { speaking: true }), cam('me', { isLocal: true })];
    expect(choose(tiles, group)).toEqual({
      mode: 'grid',
      tiles: ['anna:camera', 'ben:camera', 'me:camera'],
      interpreters: [],
    });
    expect(choose(tiles, { ...group, pinnedId: 'anna' })).toMatchObject({
      mode: 'focus',
      main: 'anna:camera',
    });
    expect(choose([...tiles, screen('ben')], group)).toMatchObject({ main: 'ben:screen_share' });
  });
});
