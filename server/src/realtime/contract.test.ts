import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clientEventSchemas, serverEventNames } from '@plenum/shared';
import { createTestApp, type TestApp } from '../test/app.ts';
import { listen } from '../test/sockets.ts';
import { createWorld } from '../test/world.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t.app);
});
afterAll(() => t.close());

const docs = readFileSync(new URL('../../../docs/realtime.md', import.meta.url), 'utf8');

describe('the realtime contract', () => {
  it('docs/realtime.md describes every client and server event', () => {
    const events = [...Object.keys(clientEventSchemas), ...serverEventNames];
    const missing = events.filter((name) => !docs.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('the server handles every client event of the shared map, and no other', async () => {
    const w = await createWorld(t.app, url);
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
