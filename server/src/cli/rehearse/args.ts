import { parseArgs } from 'node:util';

/** What one `plenum rehearse` run does; parsed from the command line. */
export interface RehearseOptions {
  /** The deployment's public base URL, without a trailing slash. */
  url: string;
  /** An organizer's invitation link (or its 22-character token). */
  token: string;
  /** Simulated attendees in the whole rehearsal (all shards together). */
  attendees: number;
  /** Attendees of this shard who also join LiveKit for real (0: no media). */
  media: number;
  json: boolean;
  shard: { index: number; count: number };
  /** The rehearsal event to join (shards 2..n); shard 1 makes a fresh one. */
  event: string | null;
  allowRealEvent: boolean;
  /** Length of the working-group phase; the server closes it at its deadline. */
  phaseMinutes: number;
  /** How long one wait for clients (events, audio) may take before the step fails. */
  waitMs: number;
  /** Attendees of this shard who send in the chat burst; null: all of them. */
  chatSenders: number | null;
}

export const rehearseUsage = `Usage: npm run plenum -- rehearse --url PUBLIC_URL --link ORGANIZER_LINK [options]

Rehearses the day against a running deployment through its public API (REST, Socket.IO,
LiveKit); opens no database. Exits non-zero when a step fails.

  --attendees N        simulated attendees (default 110), plus 3 moderators and 1 speaker
  --media N            attendees that join LiveKit for real (default 4, 0 to skip media)
  --phase-minutes N    working-group phase length; it closes at its deadline (default 1)
  --json               print one JSON line with steps and figures last
  --shard i/n          share one rehearsal between n machines; shard 1 creates the event and
                       prints the --link and --event for the others
  --event SLUG         (shards 2..n) the rehearsal event made by shard 1
  --allow-real-event   join an --event although people joined it through links rehearse did not make
  --wait-seconds N     longest wait for what clients must receive (default 20)
  --chat-senders N     attendees of this shard who send in the chat burst (default all; each
                       message goes to everyone, so all of 5,000 would be 25 million deliveries)`;

export class UsageError extends Error {}

const wholeNumber = (value: string | undefined, name: string, fallback: number, min: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${value}").`);
  }
  return n;
};

/** The invitation token from a link like https://host/join/TOKEN, or the token itself. */
export function tokenOfLink(link: string): string | null {
  const last = link.trim().replace(/\/+$/, '').split('/').pop() ?? '';
  return /^[A-Za-z0-9_-]{22}$/.test(last) ? last : null;
}

export function parseRehearseArgs(argv: string[]): RehearseOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        link: { type: 'string' },
        attendees: { type: 'string' },
        media: { type: 'string' },
        json: { type: 'boolean' },
        shard: { type: 'string' },
        event: { type: 'string' },
        'allow-real-event': { type: 'boolean' },
        'phase-minutes': { type: 'string' },
        'wait-seconds': { type: 'string' },
        'chat-senders': { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (!v.url) throw new UsageError('--url PUBLIC_URL is required.');
  let url: URL;
  try {
    url = new URL(v.url);
  } catch {
    throw new UsageError(`--url must be a URL like https://plenum.example.org (got "${v.url}").`);
  }
  if (!v.link) throw new UsageError('--link ORGANIZER_LINK is required.');
  const token = tokenOfLink(v.link);
  if (!token) throw new UsageError('--link must be an invitation link like https://host/join/…');

  const shardMatch = /^(\d+)\/(\d+)$/.exec(v.shard ?? '1/1');
  const shard = shardMatch ? { index: Number(shardMatch[1]), count: Number(shardMatch[2]) } : null;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (got "${v.shard}").`);
  }
  const event = v.event ?? null;
  if (shard.index > 1 && !event) {
    throw new UsageError(`--shard ${shard.index}/${shard.count} needs --event SLUG from shard 1.`);
  }
  if (shard.index === 1 && event) {
    throw new UsageError('--event is for shards 2..n; shard 1 creates the rehearsal event.');
  }
  const attendees = wholeNumber(v.attendees, 'attendees', 110, 2);
  if (attendees < 2 * shard.count) {
    throw new UsageError(`--attendees must be at least 2 per shard (${2 * shard.count}).`);
  }
  return {
    url: url.origin + url.pathname.replace(/\/+$/, ''),
    token,
    attendees,
    media: wholeNumber(v.media, 'media', 4, 0),
    json: v.json ?? false,
    shard,
    event,
    allowRealEvent: v['allow-real-event'] ?? false,
    phaseMinutes: wholeNumber(v['phase-minutes'], 'phase-minutes', 1, 1),
    waitMs: wholeNumber(v['wait-seconds'], 'wait-seconds', 20, 1) * 1000,
    chatSenders:
      v['chat-senders'] === undefined ? null : wholeNumber(v['chat-senders'], 'chat-senders', 0, 2),
  };
}
