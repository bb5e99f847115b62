import type { FastifyInstance } from 'fastify';
import { PhaseInput } from '@plenum/shared';
import { assignToGroup } from '../features/phases/assignments.ts';
import { createPhase, openPhase } from '../features/phases/service.ts';
import type { World } from './world.ts';

/**
 * A working-group phase of the world's two groups, opened with the given people placed. Sockets
 * connected afterwards start in their group, as after a reload during the phase.
 */
export async function openMeeting(
  app: FastifyInstance,
  w: World,
  placements: { personId: string; roomId: string }[],
) {
  const by = w.organizer.personId;
  const input = PhaseInput.parse({
    title: 'Arbeitsgruppen',
    roomIds: [w.groupId, w.otherGroupId],
    durationMinutes: 30,
    selfSelect: false,
  });
  const phase = await createPhase(app.db, w.event.id, input, by);
  for (const { personId, roomId } of placements) {
    await assignToGroup(app.db, {
      phaseId: phase.id,
      personId,
      roomId,
      source: 'manual',
      actorId: by,
    });
  }
  await openPhase(app.db, phase.id, by);
  return phase.id;
}
