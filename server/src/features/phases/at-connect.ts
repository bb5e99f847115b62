import type { DbOrTx } from '../../db/client.ts';
import type { PlenumSocket } from '../../realtime/types.ts';
import { phasesNow, type PhasesNow } from './repository.ts';

const asked = new WeakMap<PlenumSocket, Promise<PhasesNow>>();

/**
 * The event's phases as a socket that just connected must hear of them: the open phase places
 * it in its group (dispatch.ts), the shown results go beside the plenary's stage (results). Each
 * of them asks here, and the socket costs one statement, not one per feature: in a join storm
 * that is a thousand statements fewer. Asked after the socket joined its rooms, so a phase
 * opened or results shown meanwhile reach it either here or by their broadcast.
 */
export function phasesAtConnect(db: DbOrTx, socket: PlenumSocket): Promise<PhasesNow> {
  let answer = asked.get(socket);
  if (!answer) {
    answer = phasesNow(db, socket.data.eventId);
    asked.set(socket, answer);
  }
  return answer;
}
