/**
 * Why a secret must not be used in production, or null. Anyone who read our repository knows the
 * values we once shipped in docker-compose.yml and deploy/livekit.yaml, and with a LiveKit secret
 * they mint tokens for any room; so placeholders and guessable strings are refused, not warned.
 */
export function weakSecretReason(secret: string): string | null {
  const fix = 'generate one with `npm run plenum -- init-secrets`';
  if (PLACEHOLDER.test(secret)) return `is a published placeholder; ${fix}`;
  if (isPeriodic(secret) || hasRuns(secret) || estimatedBits(secret) < MIN_BITS) {
    return `is too predictable (repeats, runs or few different characters); ${fix}`;
  }
  return null;
}

const PLACEHOLDER = /change[-_ ]?me|replace[-_ ]?me|placeholder|example|secret|password/i;

/** Shannon estimate of 16 random bytes in hex is ~110 bits; 'ab12' repeated 12 times gives 96. */
const MIN_BITS = 100;

function estimatedBits(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / s.length) * Math.log2(n / s.length);
  return perChar * s.length;
}

/** The whole string is one shorter piece over and over ('abcabcabc…'). */
function isPeriodic(s: string): boolean {
  for (let period = 1; period <= s.length / 2; period++) {
    if (s.length % period === 0 && s.slice(period) === s.slice(0, -period)) return true;
  }
  return false;
}

/** More than a third of neighbours are the same or consecutive characters ('abcdef…', '1234…'). */
function hasRuns(s: string): boolean {
  let steps = 0;
  for (let i = 1; i < s.length; i++) {
    if (Math.abs(s.charCodeAt(i) - s.charCodeAt(i - 1)) <= 1) steps++;
  }
  return steps > (s.length - 1) / 3;
}
