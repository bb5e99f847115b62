/**
 * How a captioner's typing goes out: the first keystroke at once, then at most one interim line
 * per `intervalMs` carrying the latest text. A debounce would send nothing while a fast captioner
 * types on (they pause rarely); this keeps keystroke → screen under `intervalMs` plus the network.
 * 150 ms, not 100: a connection may send 40 events in 5 s before the server's flood guard
 * refuses it (FLOOD_LIMITS), and ~7 interim lines a second leave room for the final lines and chat.
 * No DOM: the benchmark (bench/captions.ts) paces its simulated captioner with the same class.
 */
export const CAPTION_INTERVAL_MS = 150;

export class CaptionPacer {
  private latest: string | null = null;
  private lastSentAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly sendInterim: (text: string) => void,
    private readonly intervalMs = CAPTION_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  typed(text: string) {
    this.latest = text;
    if (this.timer) return;
    const wait = Math.max(0, this.lastSentAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Drops what is pending (a final line goes out instead, or the room changed). */
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
  }

  private flush() {
    this.timer = null;
    if (this.latest === null) return;
    const text = this.latest;
    this.latest = null;
    this.lastSentAt = this.now();
    this.sendInterim(text);
  }
}
