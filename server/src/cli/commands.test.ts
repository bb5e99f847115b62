import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { useTestApp } from '../test/socket-world.ts';
import { runCommand } from './commands.ts';
import { DEMO_SLUG } from '../features/demo/seed.ts';

const t = useTestApp();

const run = (args: string[], flags: Record<string, string> = {}) =>
  runCommand(t.app.db, t.config, args, flags);

describe('operator CLI', () => {
  it('creates an event and prints an invitation link that works', async () => {
    expect(
      await run(['event', 'create'], {
        slug: 'cli-forum',
        title: 'CLI Forum',
        starts: '2026-06-01T08:00:00Z',
        ends: '2026-06-01T16:00:00Z',
      }),
    ).toMatch(/Event created: cli-forum/);
    const link = await run(['invite'], {
      event: 'cli-forum',
      role: 'organizer',
      uses: '1',
      expires: '7d',
    });
    expect(link).toMatch(/^http:\/\/localhost:3000\/join\/[A-Za-z0-9_-]{22}$/);
    const token = link.split('/').pop()!;
    const res = await t.app.inject({ url: `/api/invitations/${token}` });
    expect(res.json()).toMatchObject({ role: 'organizer', event: { slug: 'cli-forum' } });
  });

  it('says clearly when the event or the role is unknown', async () => {
    await expect(run(['invite'], { event: 'gibt-es-nicht', role: 'attendee' })).rejects.toThrow(
      'No event with the slug "gibt-es-nicht".',
    );
    await expect(run(['invite'], { event: 'cli-forum', role: 'chef' })).rejects.toThrow(
      /--role must be one of: organizer, moderator, speaker, captioner, attendee/,
    );
    await expect(
      run(['invite'], { event: 'cli-forum', role: 'attendee', expires: 'bald' }),
    ).rejects.toThrow(/--expires/);
    await expect(run(['frobnicate'])).rejects.toThrow('Unknown command: frobnicate');
  });

  it('refuses an invalid event with the flag names', async () => {
    await expect(
      run(['event', 'create'], { slug: 'X Y', title: '', starts: 'morgen', ends: 'x' }),
    ).rejects.toThrow(/--slug[\s\S]*--title[\s\S]*--starts/);
  });

  it('demo creates the forum once', async () => {
    expect(await run(['demo'])).toBe(`Demo event created: ${DEMO_SLUG}`);
    expect(await run(['demo'])).toBe(`Demo event exists already: ${DEMO_SLUG}`);
  });

  it('runs as `npm run plenum` and exits 2 with usage for an unknown command', () => {
    const result = spawnSync('npx', ['tsx', 'server/src/cli/index.ts', 'frobnicate'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown command: frobnicate/);
  });
});
