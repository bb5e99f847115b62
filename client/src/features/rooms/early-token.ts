import type { RoomToken } from '@plenum/shared';
import { api } from '../../lib/api.ts';

/**
 * The plenary's LiveKit token, asked for as soon as the event's room list is known — beside the
 * rest of the event page's data instead of after it renders. `useRoomSwitch` takes it for the
 * page's first connection; a later request (refresh, retry, visit) always asks the server anew.
 * Not taken within `maxAgeMs` (another page, an error on the way): dropped.
 */
const maxAgeMs = 30_000;
let early: { roomId: string; token: Promise<RoomToken>; at: number } | null = null;

export function requestEarlyToken(roomId: string) {
  const token = api.roomToken(roomId);
  // Whoever takes it sees the error; until then it must not count as unhandled.
  token.catch(() => undefined);
  early = { roomId, token, at: Date.now() };
}

export function takeEarlyToken(roomId: string): Promise<RoomToken> | null {
  const found = early;
  early = null;
  if (!found || found.roomId !== roomId || Date.now() - found.at > maxAgeMs) return null;
  return found.token;
}
