import net from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningSocketsOn } from '../test/ports.ts';
import { canSharePort, listenOnSharedPort, listeningSocketCount } from './listen.ts';

describe('which Node can share a port', () => {
  it.each([
    ['20.20.2', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['23.0.0', false],
    ['23.1.0', true],
    ['24.22.3', true],
    ['25.2.1', true],
  ])('Node %s: %s', (version, expected) => {
    expect(canSharePort(version)).toBe(expected);
  });

  it('listens on one socket for a host name, for one wanted, and on Node 20', () => {
    expect(listeningSocketCount(4, '127.0.0.1', '24.22.3')).toBe(4);
    expect(listeningSocketCount(4, '::', '24.22.3')).toBe(4);
    expect(listeningSocketCount(4, 'localhost', '24.22.3')).toBe(1);
    expect(listeningSocketCount(1, '127.0.0.1', '24.22.3')).toBe(1);
    expect(listeningSocketCount(4, '127.0.0.1', '20.20.2')).toBe(1);
  });
});

// On this Node (the test run's), with a real port: Node 20 listens once, Node 24 four times.
describe('an app listening on a shared port', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  const app = () => {
    const instance = Fastify({ logger: false });
    instance.get('/hello', async () => ({ hello: 'world' }));
    closing.push(() => instance.close());
    return instance;
  };

  it('answers every fresh connection, whichever socket takes it, and stops listening on close', async () => {
    const instance = app();
    const sockets = await listenOnSharedPort(instance, { port: 0, host: '127.0.0.1', sockets: 4 });
    const { port } = instance.server.address() as net.AddressInfo;
    expect(sockets).toBe(canSharePort() ? 4 : 1);
    expect(listeningSocketsOn(port)).toBe(sockets);

    // One connection each (no keep-alive), all at once: the kernel spreads them over the sockets.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`http://127.0.0.1:${port}/hello`, { headers: { connection: 'close' } }).then((r) =>
          r.json(),
        ),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ hello: 'world' })));

    await instance.close();
    expect(listeningSocketsOn(port)).toBe(0);
  });

  it('refuses a port another server holds instead of sharing it', async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => other.close(resolve)));
    const { port } = other.address() as net.AddressInfo;

    await expect(
      listenOnSharedPort(app(), { port, host: '127.0.0.1', sockets: 4 }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(listeningSocketsOn(port)).toBe(1);
  });
});
