import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { phases } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { listen } from '../../test/sockets.ts';
import { runCommand } from '../commands.ts';
import { runRehearse } from './rehearse.ts';

/**
 * `plenum rehearse` against a real server on a loopback port (real Postgres, Redis, LiveKit),
 * with an organizer link made the way the operator CLI makes it.
 */
let t: TestApp;
let url: string;
let link: string;

beforeAll(async () => {
  t = await createTestApp({}, { deadlineCheckMs: 200 });
  url = await listen(t.app);
  await runCommand(t.app.db, t.config, ['event', 'create'], {
    slug: 'cli-home',
    title: 'Home of the operator',
    starts: '2026-06-01T08:00:00Z',
    ends: '2026-06-01T16:00:00Z',
  });
  link = await runCommand(t.app.db, t.config, ['invite'], { event: 'cli-home', role: 'organizer' });
});

afterAll(async () => {
  await t?.close();
});

async function rehearse(args: string[], lines: string[] = []) {
  const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
  const code = await runRehearse(args, out);
  return { code, lines };
}

/**
 * The command waits for the phase's deadline; a test cannot wait a minute for it. Once the media
 * has followed into the groups (the last step inside the open phase), the stored deadline is
 * brought forward, so the server's own deadline check closes the phase. Bringing it forward any
 * earlier closes the phase, and deletes the group rooms, while clients are still joining them.
 */
function bringDeadlinesForwardAfter(stepName: string, lines: string[]) {
  const timer = setInterval(() => {
    if (!lines.some((l) => l.includes(stepName))) return;
    void t.app.db
      .update(phases)
      .set({ deadlineAt: sql`now()` })
      .where(eq(phases.status, 'open'))
      .catch(() => {});
  }, 200);
  return () => clearInterval(timer);
}

describe('plenum rehearse', () => {
  it('rehearses the day: every step passes and every figure is measured', async () => {
    const printed: string[] = [];
    const stop = bringDeadlinesForwardAfter('media follows into the groups', printed);
    let result;
    try {
      result = await rehearse(
        [
          '--url',
          url,
          '--link',
          link,
          '--attendees',
          '12',
          '--media',
          '2',
          '--phase-minutes',
          '1',
          '--json',
        ],
        printed,
      );
    } finally {
      stop();
    }
    const { code, lines } = result;
    const report = JSON.parse(lines.at(-1)!);
    const failed = report.steps.filter((s: { status: string }) => s.status !== 'passed');
    expect(failed, lines.join('\n')).toEqual([]);
    expect(code).toBe(0);
    expect(report.event).toMatch(/^rehearsal-\d{8}-\d{6}$/);
    for (const name of [
      'joinP50',
      'joinP99',
      'firstAudioFrame',
      'chatP50',
      'chatP99',
      'openToLastAssigned',
      'deadlineToClosed',
      'closeToLastBack',
      'firstAudioFrameBack',
    ]) {
      expect(typeof report.figures[name], name).toBe('number');
    }
    expect(lines.join('\n')).toMatch(/Figures:\n {2}join p50/);
  }, 150_000);

  it('a wrong link fails the first step and exits non-zero', async () => {
    const { code, lines } = await rehearse([
      '--url',
      url,
      '--link',
      `${url}/join/${'x'.repeat(22)}`,
    ]);
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('FAILED'))).toMatch(/organizer signs in.*404/);
    expect(lines.some((l) => l.startsWith('skipped') && l.includes('everyone joins'))).toBe(true);
  });

  it('a shard refuses an event that people joined through real links', async () => {
    const { code, lines } = await rehearse([
      '--url',
      url,
      '--link',
      link,
      '--event',
      'cli-home',
      '--shard',
      '2/2',
      '--media',
      '0',
    ]);
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('FAILED'))).toMatch(
      /cli-home has \d+ people who joined through links rehearse did not make/,
    );
  });

  it('refuses a missing link with usage and exit status 2', async () => {
    const { code, lines } = await rehearse(['--url', url]);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/--link ORGANIZER_LINK is required/);
  });
});
