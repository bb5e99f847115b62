/**
 * What the page does when its media connection is lost for good: fetch a fresh token and connect
 * again, a little later each time, and keep at it while no token can be had (the media server or
 * the app is away for a while; LiveKit's SDK only gives up after ~20 s, so a longer outage
 * outlasts one try). Timers only: tested without React.
 */
export class MediaRetry {
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    /** Fetches a fresh token for the current room; false when none could be had. */
    private readonly refresh: () => Promise<boolean>,
    private readonly delayMs = (attempt: number) => Math.min(30_000, 2000 * attempt),
  ) {}

  /** The connection was lost, or the last try found no token: try again after a pause. */
  lost() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.attempts += 1;
    this.timer = setTimeout(() => {
      void this.refresh().then(
        (ok) => ok || this.lost(),
        () => this.lost(),
      );
    }, this.delayMs(this.attempts));
  }

  /** A new connection started (another room, or a fresh token): pauses start short again. */
  reset() {
    this.attempts = 0;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
