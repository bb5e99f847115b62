import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPerson, type Person } from './browser.ts';
import { buildClientIfStale, startE2eServer, type E2eServer } from './server.ts';

export interface BrowserWorld {
  server: E2eServer;
  browser: Browser;
  /** One browser context per name, in the order given. */
  people: Person[];
}

/**
 * A test file's server, Chromium and one tab per named person, closed after the file. The fields
 * are set before the file's first test.
 */
export function useBrowserWorld(names: readonly string[]): BrowserWorld {
  const world = { people: [] as Person[] } as BrowserWorld;
  beforeAll(async () => {
    buildClientIfStale();
    world.server = await startE2eServer();
    world.browser = await launchChromium();
    for (const name of names) {
      world.people.push(await openPerson(world.browser, name, world.server.url));
    }
  }, 300_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.close();
  });
  return world;
}
