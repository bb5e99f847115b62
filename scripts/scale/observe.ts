/** What the scale tests read off the running nodes: app metrics and LiveKit's logs. */

/** The `plenum_sockets_connected` gauge of one app node. */
export async function connectedSockets(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith('plenum_sockets_connected'));
  return line ? Number(line.split(/\s+/).at(-1)) : 0;
}

interface LogLine {
  msg?: string;
  nodeID?: string;
  room?: string;
  participant?: string;
}

// The node that runs a participant's media session logs this when the participant is active.
const ACTIVE = 'participant active';

/**
 * For each room: which LiveKit node (its id) ran the media session of how many participants,
 * from each node's JSON log (the node's id is in its first "starting LiveKit server" line).
 */
export function participantsByNode(logs: string[]): Map<string, Map<string, number>> {
  const rooms = new Map<string, Map<string, number>>();
  for (const log of logs) {
    const lines = log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
    const nodeId = lines.find((l) => l.nodeID)?.nodeID ?? 'unknown';
    for (const line of lines) {
      if (line.msg !== ACTIVE || !line.room || !line.participant) continue;
      const byNode = rooms.get(line.room) ?? new Map<string, number>();
      byNode.set(nodeId, (byNode.get(nodeId) ?? 0) + 1);
      rooms.set(line.room, byNode);
    }
  }
  return rooms;
}
