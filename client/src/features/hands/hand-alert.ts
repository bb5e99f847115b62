import type { Hand } from '@plenum/shared';

/**
 * What a moderator is alerted to: hands raised since they last looked, oldest first. A hand that
 * is lowered, taken or dismissed leaves the alert again; raising again (same hand) alerts once.
 */
export interface HandAlert {
  fresh: Hand[];
}

export const noHandAlert: HandAlert = { fresh: [] };

export type HandAlertEvent =
  | { type: 'raised'; hand: Hand; myId: string }
  | { type: 'closed'; hand: Hand }
  | { type: 'seen' }
  | { type: 'roomChanged' };

export function handAlertReducer(state: HandAlert, event: HandAlertEvent): HandAlert {
  switch (event.type) {
    case 'raised':
      if (event.hand.person.id === event.myId) return state;
      if (state.fresh.some((h) => h.id === event.hand.id)) return state;
      return { fresh: [...state.fresh, event.hand] };
    case 'closed':
      if (!state.fresh.some((h) => h.id === event.hand.id)) return state;
      return { fresh: state.fresh.filter((h) => h.id !== event.hand.id) };
    case 'seen':
    case 'roomChanged':
      return state.fresh.length ? noHandAlert : state;
  }
}

/** The names to show, newest last, at most `max` and a count of the rest. */
export function alertNames(alert: HandAlert, max = 3): { names: string[]; more: number } {
  const names = alert.fresh.map((h) => h.person.displayName);
  return { names: names.slice(-max), more: Math.max(0, names.length - max) };
}

const soundKey = 'plenum.handSound';

/** The sound for new hands is off unless this moderator switched it on (remembered). */
export function readHandSound(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(soundKey) === 'on';
  } catch {
    return false;
  }
}

export function writeHandSound(storage: Pick<Storage, 'setItem'> | undefined, on: boolean) {
  try {
    storage?.setItem(soundKey, on ? 'on' : 'off');
  } catch {
    // blocked storage: the choice lasts for this page
  }
}
