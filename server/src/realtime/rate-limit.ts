import type { RedisClient } from '../plugins/redis.ts';

/** `hit` counts one attempt and answers whether it is within the limit. */
export interface RateLimiter {
  hit(key: string): Promise<boolean>;
}

export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Sliding window in one process: enough for a single node. */
export function memoryRateLimiter({ max, windowMs }: RateLimit): RateLimiter {
  const hits = new Map<string, number[]>();
  let sweepAt = Date.now() + windowMs * 10;
  return {
    async hit(key) {
      const now = Date.now();
      if (now > sweepAt) {
        // Forget people who stopped writing, so the map does not grow with every visitor.
        for (const [k, times] of hits) if ((times.at(-1) ?? 0) <= now - windowMs) hits.delete(k);
        sweepAt = now + windowMs * 10;
      }
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.set(key, recent);
      return true;
    },
  };
}

// Atomic sliding window on Redis time, so that the limit holds across nodes with skewed clocks.
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 1`;

/**
 * Sliding window in Redis, shared by all nodes. If Redis does not answer, the node falls back to
 * its own memory window rather than refusing everybody or letting floods through.
 */
export function redisRateLimiter(
  client: RedisClient,
  limit: RateLimit,
  prefix: string,
): RateLimiter {
  const fallback = memoryRateLimiter(limit);
  return {
    async hit(key) {
      if (!client.isReady) return fallback.hit(key);
      try {
        const allowed = await client.eval(SLIDING_WINDOW, {
          keys: [`${prefix}${key}`],
          arguments: [String(limit.windowMs), String(limit.max), crypto.randomUUID()],
        });
        return Number(allowed) === 1;
      } catch {
        return fallback.hit(key);
      }
    },
  };
}

/** When a socket counts as flooding, and what follows. */
export const FLOOD_LIMITS = {
  /** Events of any kind one socket may send in `eventWindowMs`. */
  maxEvents: 40,
  eventWindowMs: 5_000,
  /** Rate-limit refusals in `refusalWindowMs` after which the socket is disconnected. */
  maxRefusals: 10,
  refusalWindowMs: 30_000,
  /** How long the session of a disconnected flooder may not connect again. */
  cooldownMs: 30_000,
};

/**
 * Per person, whatever the number of their connections (issue #16: one attendee with 150 sockets
 * starved everybody). A browser asks for a handful of lists when it connects and sends a few
 * events a minute after that; several tabs, a reconnect storm after a restart, still fit.
 */
export const PERSON_LIMITS = {
  /** Events of any kind, over all of the person's connections and nodes. */
  events: { max: 100, windowMs: 10_000 },
  /**
   * Handshakes of one session per node, counted before they cost anything: a few tabs, a reload,
   * a reconnect after a restart fit; a script opening a hundred connections at once does not.
   */
  handshakes: { max: 10, windowMs: 10_000 },
};
export type PersonLimits = typeof PERSON_LIMITS;

/**
 * Per socket: a budget of events, and the refusals it collected. A socket that keeps being
 * refused is flooding and gets disconnected.
 */
export class FloodGuard {
  private events: number[] = [];
  private messages: number[] = [];
  private refusals: number[] = [];
  private flooded = false;

  constructor(
    private readonly onFlood: () => void,
    private readonly opts = FLOOD_LIMITS,
  ) {}

  /** Counts an incoming event; false when the socket is over its budget. */
  allowEvent(now = Date.now()): boolean {
    this.events = this.events.filter((t) => t > now - this.opts.eventWindowMs);
    if (this.events.length >= this.opts.maxEvents) return false;
    this.events.push(now);
    return true;
  }

  /**
   * Counts a chat message or question against the person's limit, as seen from this socket
   * alone: what is over it here is over it everywhere, and is refused before it costs a query.
   */
  allowMessage(limit: RateLimit, now = Date.now()): boolean {
    this.messages = this.messages.filter((t) => t > now - limit.windowMs);
    if (this.messages.length >= limit.max) return false;
    this.messages.push(now);
    return true;
  }

  noteRefusal(now = Date.now()) {
    this.refusals = this.refusals.filter((t) => t > now - this.opts.refusalWindowMs);
    this.refusals.push(now);
    if (this.refusals.length >= this.opts.maxRefusals && !this.flooded) {
      this.flooded = true;
      this.onFlood();
    }
  }
}

/**
 * Sessions recently disconnected for flooding, by their session cookie: a script that reconnects
 * at once is refused in the handshake before it costs a database query. Kept per node; a flooder
 * that hops nodes gets one connection's worth on each.
 */
export class FloodCooldown {
  private until = new Map<string, number>();

  constructor(
    /** The session cookie in a Cookie header; other cookies must not change the key. */
    private readonly sessionOf: (cookieHeader: string | undefined) => string | undefined,
    private readonly ms = FLOOD_LIMITS.cooldownMs,
  ) {}

  start(cookieHeader: string | undefined, now = Date.now()) {
    const key = this.sessionOf(cookieHeader);
    if (!key) return;
    for (const [k, until] of this.until) if (until <= now) this.until.delete(k);
    this.until.set(key, now + this.ms);
  }

  holds(cookieHeader: string | undefined, now = Date.now()): boolean {
    const key = this.sessionOf(cookieHeader);
    return key !== undefined && (this.until.get(key) ?? 0) > now;
  }
}
