import { describe, expect, it } from 'vitest';
import { parseRehearseArgs, tokenOfLink } from './args.ts';
import { assignmentOf, attendeeIndexes } from './day.ts';
import { formatFigures, formatStep, reportJson } from './report.ts';
import { rehearsalSlug } from './setup.ts';
import { inPool, percentile, StepRunner } from './steps.ts';

const token = 'AbCdEfGhIjKlMnOpQrStUv';

describe('the rehearsal step runner', () => {
  it('records passed and failed steps with their time, and skips what follows a failure', async () => {
    let clock = 0;
    const printed: string[] = [];
    const runner = new StepRunner(
      () => clock,
      (r) => printed.push(r.status),
    );
    await runner.step('one', async () => {
      clock += 5;
      return 'fine';
    });
    await runner.step('two', async () => {
      clock += 7;
      throw new Error('refused');
    });
    await runner.step('three', async () => 'never');
    await runner.step('cleanup', async () => 'tidy', { always: true });
    expect(runner.results).toEqual([
      { name: 'one', status: 'passed', ms: 5, detail: 'fine' },
      { name: 'two', status: 'failed', ms: 7, detail: 'refused' },
      { name: 'three', status: 'skipped', ms: 0, detail: 'an earlier step failed' },
      { name: 'cleanup', status: 'passed', ms: 0, detail: 'tidy' },
    ]);
    expect(printed).toEqual(['passed', 'failed', 'skipped', 'passed']);
    expect(runner.failed).toBe(true);
  });

  it('takes percentiles by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 0.5)).toBe(50);
    expect(percentile(samples, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('runs a pool with at most the limit in flight, results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await inPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return n * 2;
    });
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(most).toBe(3);
  });
});

describe('rehearse arguments', () => {
  it('reads the options with their defaults', () => {
    const base = ['--url', 'http://localhost:3000', '--link', token];
    expect(
      parseRehearseArgs([
        '--url',
        'https://plenum.example.org/',
        '--link',
        `https://x/join/${token}`,
      ]),
    ).toEqual({
      url: 'https://plenum.example.org',
      token,
      attendees: 110,
      media: 4,
      json: false,
      shard: { index: 1, count: 1 },
      event: null,
      allowRealEvent: false,
      phaseMinutes: 1,
      waitMs: 20_000,
      chatSenders: null,
    });
    expect(parseRehearseArgs([...base, '--chat-senders', '200']).chatSenders).toBe(200);
  });

  it('refuses what would not work, saying why', () => {
    const base = ['--url', 'http://localhost:3000', '--link', token];
    expect(() => parseRehearseArgs(['--link', token])).toThrow('--url PUBLIC_URL is required.');
    expect(() => parseRehearseArgs([...base.slice(0, 2), '--link', 'nope'])).toThrow(/--link must/);
    expect(() => parseRehearseArgs([...base, '--attendees', '1.5'])).toThrow(/--attendees/);
    expect(() => parseRehearseArgs([...base, '--shard', '3/2'])).toThrow(/--shard must be i\/n/);
    expect(() => parseRehearseArgs([...base, '--shard', '2/2'])).toThrow(/needs --event SLUG/);
    expect(() => parseRehearseArgs([...base, '--event', 'x'])).toThrow(/for shards 2..n/);
    expect(() => parseRehearseArgs([...base, '--bogus'])).toThrow(/bogus/);
    expect(() => parseRehearseArgs([...base, '--chat-senders', '1'])).toThrow(/--chat-senders/);
    expect(() => parseRehearseArgs([...base, '--attendees', '5', '--shard', '1/3'])).toThrow(
      '--attendees must be at least 2 per shard (6).',
    );
  });

  it('finds the token in a link, with or without a trailing slash', () => {
    expect(tokenOfLink(`https://host/join/${token}/`)).toBe(token);
    expect(tokenOfLink('https://host/join/short')).toBeNull();
  });
});

describe('the rehearsal plan', () => {
  it('partitions attendees between shards and mixes the ways into a group', () => {
    expect(attendeeIndexes(7, { index: 2, count: 3 })).toEqual([1, 4]);
    expect([0, 1, 2, 3, 4, 5, 6].map(assignmentOf)).toEqual([
      'self',
      'pre',
      'auto',
      'auto',
      'auto',
      'self',
      'pre',
    ]);
    expect(rehearsalSlug(new Date('2026-12-02T13:05:09.123Z'))).toBe('rehearsal-20261202-130509');
  });

  it('prints steps, a figure table and one JSON line', () => {
    const step = { name: 'chat', status: 'failed' as const, ms: 1234.4, detail: '3 missing' };
    expect(formatStep(step)).toBe('FAILED  chat (1234 ms) — 3 missing');
    expect(formatFigures({ joinP50: 12.3, chatP99: null })).toMatch(
      /join p50 \(redeem \+ socket \+ token\) +12 ms\n {2}chat p99 +—/,
    );
    expect(JSON.parse(reportJson([step], { joinP50: 12.3 }, { event: 'e' }))).toEqual({
      ok: false,
      event: 'e',
      steps: [{ ...step, ms: 1234 }],
      figures: { joinP50: 12.3 },
    });
  });
});
