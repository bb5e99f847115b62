import { describe, expect, it } from 'vitest';
import { FloodCooldown } from './rate-limit.ts';

// The session cookie alone is the key: a flooder cannot get back in by adding other cookies.
const sessionOf = (header: string | undefined) =>
  header
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === 'sid')?.[1];

describe('flood cooldown', () => {
  it('refuses the flooding session until the cooldown has passed, and nobody else', () => {
    const cooldown = new FloodCooldown(sessionOf, 30_000);
    cooldown.start('sid=abc', 1_000);
    expect(cooldown.holds('sid=abc', 1_000)).toBe(true);
    expect(cooldown.holds('lang=de; sid=abc', 30_999)).toBe(true);
    expect(cooldown.holds('sid=abc', 31_000)).toBe(false);
    expect(cooldown.holds('sid=other', 1_000)).toBe(false);
    expect(cooldown.holds(undefined, 1_000)).toBe(false);
  });

  it('a connection without a session cookie starts nothing', () => {
    const cooldown = new FloodCooldown(sessionOf, 10);
    cooldown.start('lang=de', 0);
    expect(cooldown.holds('lang=de', 1)).toBe(false);
    expect(cooldown.holds('lang=de; sid=', 1)).toBe(false);
  });
});
