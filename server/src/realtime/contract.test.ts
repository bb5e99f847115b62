import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clientEventSchemas, serverEventNames } from '@plenum/shared';
import { useSocketWorld } from '../test/socket-world.ts';

const t = useSocketWorld();

const docs = readFileSync(new URL('../../../docs/realtime.md', import.meta.url), 'utf8');

describe('the realtime contract', () => {
  it('docs/realtime.md describes every client and server event', () => {
    const events = [...Object.keys(clientEventSchemas), ...serverEventNames];
    const missing = events.filter((name) => !docs.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('the server handles every client event of the shared map, and no other', async () => {
    const w = await t.world();
    await w.connect(w.anna);
    const [serverSocket] = [...t.app.realtime.io.of('/').sockets.values()].filter(
      (s) => s.data.personId === w.anna.personId,
    );
    const handled = serverSocket!
      .eventNames()
      .filter((n): n is string => typeof n === 'string' && n.includes(':'));
    expect(handled.sort()).toEqual(Object.keys(clientEventSchemas).sort());
    w.close();
  });
});
