import { describe, expect, it } from 'vitest';
import {
  allOff,
  chosenAtJoin,
  freshSession,
  mediaAfter,
  parseSessionMedia,
  switched,
  type MediaSwitches,
  type MediaTransition,
  type SessionMedia,
} from './consent.ts';

const mic: MediaSwitches = { microphone: true, camera: false, screen: false };
const cam: MediaSwitches = { microphone: false, camera: true, screen: false };
const both: MediaSwitches = { microphone: true, camera: true, screen: false };
const sharing: MediaSwitches = { microphone: true, camera: true, screen: true };
const session = (on: MediaSwitches, beforeVisit: MediaSwitches | null = null): SessionMedia => ({
  on,
  beforeVisit,
});
const may = { canPublish: true };
const watches = { canPublish: false };

type Row = [
  name: string,
  before: SessionMedia,
  transition: MediaTransition,
  rights: { canPublish: boolean },
  publish: MediaSwitches,
  after: SessionMedia,
  floorNotice?: boolean,
];

const table: Row[] = [
  [
    'a presenter who switched nothing on joins with nothing on',
    freshSession,
    'join',
    may,
    allOff,
    freshSession,
  ],
  [
    'a presenter joins with what the device check switched on',
    session(mic),
    'join',
    may,
    mic,
    session(mic),
  ],
  [
    'an attendee who only watches publishes nothing on joining',
    session(both),
    'join',
    watches,
    allOff,
    session(both),
  ],
  [
    'an attendee given the word publishes nothing until pressing',
    session(allOff),
    'promoted',
    may,
    allOff,
    session(allOff),
    true,
  ],
  [
    'being given the word switches off what an earlier choice held',
    session(both),
    'promoted',
    may,
    allOff,
    session(allOff),
    true,
  ],
  [
    'taking the word back leaves everything off',
    session(both),
    'demoted',
    watches,
    allOff,
    session(allOff),
  ],
  [
    'a move into a group keeps the microphone off and the camera on',
    session(cam),
    'moved',
    may,
    cam,
    session(cam),
  ],
  [
    'a move into a group keeps a camera switched off off',
    session(mic),
    'moved',
    may,
    mic,
    session(mic),
  ],
  [
    'a move into a room where one only watches switches all off',
    session(both),
    'moved',
    watches,
    allOff,
    session(allOff),
  ],
  [
    'a screen share never follows into another room',
    session(sharing),
    'moved',
    may,
    both,
    session(both),
  ],
  [
    'a visit starts with microphone and camera off',
    session(both),
    'visit-start',
    may,
    allOff,
    session(allOff, both),
  ],
  [
    'visiting a second group keeps the plenary’s state to return to',
    session(cam, both),
    'visit-start',
    may,
    allOff,
    session(allOff, both),
  ],
  [
    'coming back from a visit restores the plenary as it was',
    session(cam, mic),
    'visit-end',
    may,
    mic,
    session(mic),
  ],
  [
    'coming back from a visit never restores a screen share',
    session(allOff, sharing),
    'visit-end',
    may,
    both,
    session(both),
  ],
  [
    'a phase closing during a visit restores the plenary as it was',
    session(cam, mic),
    'moved',
    may,
    mic,
    session(mic),
  ],
  [
    'a reconnect keeps microphone and camera as they were',
    session(both),
    'reconnect',
    may,
    both,
    session(both),
  ],
  [
    'a reconnect does not share the screen again',
    session(sharing),
    'reconnect',
    may,
    both,
    session(both),
  ],
];

describe('consent: what a person publishes after each transition', () => {
  it.each(table)('%s', (_name, before, transition, rights, publish, after, floorNotice = false) => {
    const decision = mediaAfter(before, transition, rights);
    expect(decision.publish).toEqual(publish);
    expect(decision.session).toEqual(after);
    expect(decision.floorNotice).toBe(floorNotice);
  });

  it('publishes nothing that was not switched on, after any transition from all off', () => {
    const transitions: MediaTransition[] = [
      'join',
      'promoted',
      'demoted',
      'moved',
      'visit-start',
      'visit-end',
      'reconnect',
    ];
    for (const transition of transitions)
      for (const rights of [may, watches])
        expect(mediaAfter(freshSession, transition, rights).publish, transition).toEqual(allOff);
  });

  it('carries the person’s own presses to the next room', () => {
    const pressed = switched(switched(freshSession, 'microphone', true), 'camera', true);
    expect(mediaAfter(pressed, 'moved', may).publish).toEqual(both);
    expect(switched(pressed, 'camera', true)).toBe(pressed);
  });

  it('keeps a group’s camera through a reload that passes the plenary first', () => {
    const inPlenary = mediaAfter(session(cam), 'join', watches);
    expect(inPlenary.publish).toEqual(allOff);
    expect(mediaAfter(inPlenary.session, 'reconnect', may).publish).toEqual(cam);
  });

  it('starts from the device check’s switches, never sharing the screen', () => {
    expect(chosenAtJoin({ microphone: false, camera: true })).toEqual(session(cam));
  });

  it('reads a stored session leniently', () => {
    expect(parseSessionMedia(null)).toEqual(freshSession);
    expect(parseSessionMedia('{nope')).toEqual(freshSession);
    expect(parseSessionMedia('{"on":{"microphone":true,"camera":"yes","screen":true}}')).toEqual(
      session(mic),
    );
    expect(parseSessionMedia(JSON.stringify(session(cam, both)))).toEqual(session(cam, both));
  });
});
