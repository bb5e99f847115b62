import type { RedisHandle } from '../../plugins/redis.ts';

const WINDOW_MS = 60_000;

/**
 * Failed guesses per address and minute. Valid links are never counted: 110 colleagues behind one
 * office proxy redeem one link as often as its own uses allow. Unknown or unusable links cost the
 * address one try each; once its tries are spent, every preview and redeem from it waits for the
 * next minute, so a guesser learns nothing more about any link. With Redis the count is shared by
 * all nodes; without, each node counts alone.
 */
export class GuessThrottle {
  private window = -1;
  private local = new Map<string, number>();

  constructor(
    private readonly maxFailures: number,
    private readonly redis: RedisHandle | undefined,
    /** Scopes the Redis keys to one deployment (see redisPrefix). */
    private readonly prefix = '',
  ) {}

  /** Seconds this address must wait before its next try, or 0 when it has tries left. */
  async waitSeconds(address: string, now = Date.now()): Promise<number> {
    if ((await this.failures(address, now)) < this.maxFailures) return 0;
    return Math.ceil((WINDOW_MS - (now % WINDOW_MS)) / 1000);
  }

  async fail(address: string, now = Date.now()): Promise<void> {
    const window = Math.floor(now / WINDOW_MS);
    if (this.redis?.client.isReady) {
      const key = this.key(address, window);
      await this.redis.client.multi().incr(key).pExpire(key, WINDOW_MS).exec();
      return;
    }
    this.roll(window);
    this.local.set(address, (this.local.get(address) ?? 0) + 1);
  }

  private async failures(address: string, now: number): Promise<number> {
    const window = Math.floor(now / WINDOW_MS);
    if (this.redis?.client.isReady) {
      return Number((await this.redis.client.get(this.key(address, window))) ?? 0);
    }
    this.roll(window);
    return this.local.get(address) ?? 0;
  }

  /** A new minute forgets the last one: memory holds one window of addresses at most. */
  private roll(window: number) {
    if (window === this.window) return;
    this.window = window;
    this.local = new Map();
  }

  private key(address: string, window: number) {
    return `${this.prefix}guesses:${window}:${address}`;
  }
}
