import type { FastifyInstance } from 'fastify';
import { join, type Member } from '../../test/fixtures.ts';
import type { World } from '../../test/world.ts';

/** `n` attendees of the world's event, joined through invitation links ten at a time. */
export async function joinVoters(app: FastifyInstance, w: World, n: number): Promise<Member[]> {
  const voters: Member[] = [];
  for (let i = 0; i < n; i += 10) {
    const batch = Array.from({ length: Math.min(10, n - i) }, (_, j) =>
      join(app, w.event.id, 'attendee', `Stimme ${i + j + 1}`),
    );
    voters.push(...(await Promise.all(batch)));
  }
  return voters;
}

/** Their sockets, connected twenty at a time, each to the URL `urlOf` gives it. */
export async function connectVoters(
  w: World,
  voters: Member[],
  urlOf: (index: number) => string | undefined = () => undefined,
) {
  const connections: (Awaited<ReturnType<World['connect']>> & { member: Member })[] = [];
  for (let i = 0; i < voters.length; i += 20) {
    const batch = voters
      .slice(i, i + 20)
      .map(async (member, j) => ({ ...(await w.connect(member, urlOf(i + j))), member }));
    connections.push(...(await Promise.all(batch)));
  }
  return connections;
}
