import { describe, expect, it } from 'vitest';
import { chooseStageLayout, type StageTile } from './stage-layout.ts';

function cam(identity: string, extra: Partial<StageTile> = {}): StageTile {
  return {
    key: `${identity}:camera`,
    identity,
    source: 'camera',
    isLocal: false,
    hasVideo: true,
    ...extra,
  };
}
const screen = (identity: string, isLocal = false): StageTile => ({
  key: `${identity}:screen`,
  identity,
  source: 'screen_share',
  isLocal,
  hasVideo: true,
});

describe('stage layout', () => {
  it('shows an empty stage when nobody publishes', () => {
    expect(chooseStageLayout([], [], null, 'plenary')).toEqual({ mode: 'empty' });
  });

  it('shows a single presenter alone', () => {
    expect(chooseStageLayout([cam('olga')], [], null, 'plenary')).toEqual({
      mode: 'single',
      focus: 'olga:camera',
    });
  });

  it('puts the active speaker large in the plenary', () => {
    const layout = chooseStageLayout([cam('olga'), cam('anna')], ['anna'], null, 'plenary');
    expect(layout).toEqual({ mode: 'focus', focus: 'anna:camera', others: ['olga:camera'] });
  });

  it('keeps the last speaker large during a pause', () => {
    const layout = chooseStageLayout([cam('olga'), cam('anna')], [], 'anna:camera', 'plenary');
    expect(layout).toMatchObject({ focus: 'anna:camera' });
  });

  it('never focuses on oneself while someone else presents', () => {
    const layout = chooseStageLayout(
      [cam('me', { isLocal: true }), cam('olga')],
      ['me'],
      null,
      'plenary',
    );
    expect(layout).toMatchObject({ focus: 'olga:camera' });
  });

  it('prefers a shared screen over any speaker', () => {
    const layout = chooseStageLayout(
      [cam('olga'), cam('anna'), screen('ben')],
      ['anna'],
      'olga:camera',
      'plenary',
    );
    expect(layout).toMatchObject({ mode: 'focus', focus: 'ben:screen' });
  });

  it('prefers someone else’s screen over one’s own', () => {
    const layout = chooseStageLayout(
      [screen('me', true), screen('ben')],
      [],
      null,
      'working_group',
    );
    expect(layout).toMatchObject({ focus: 'ben:screen' });
  });

  it('shows a working group as a grid', () => {
    const layout = chooseStageLayout(
      [cam('anna'), cam('ben'), cam('me', { isLocal: true })],
      ['ben'],
      null,
      'working_group',
    );
    expect(layout).toEqual({ mode: 'grid', tiles: ['anna:camera', 'ben:camera', 'me:camera'] });
  });
});
