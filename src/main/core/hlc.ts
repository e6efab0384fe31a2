// Hybrid logical clock (after Actual Budget's timestamp.ts): orders changes across devices
// without trusting wall clocks. A timestamp is a sortable string:
//   2026-11-23T10:51:05.123Z-0000-<device id>
// Comparing two strings compares (time, counter, device), which is the HLC order.

const MAX_COUNTER = 0xffff;
/** A remote clock this far ahead is accepted (the HLC absorbs it) but reported as skew. */
export const SKEW_WARNING_MS = 5 * 60 * 1000;

export interface HlcParts {
  millis: number;
  counter: number;
  device: string;
}

export function parseHlc(value: string): HlcParts {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([\w-]+)$/.exec(value);
  if (!m) throw new Error(`not an HLC timestamp: ${value}`);
  return { millis: Date.parse(m[1]), counter: parseInt(m[2], 16), device: m[3] };
}

export class HybridClock {
  private millis: number;
  private counter: number;
  /** The ISO text of `isoOf` ms: a bulk load stamps thousands of changes per millisecond. */
  private iso = '';
  private isoOf = NaN;

  constructor(
    readonly device: string,
    last: string | null,
    private readonly now: () => number = Date.now,
  ) {
    const parts = last ? parseHlc(last) : { millis: 0, counter: 0 };
    this.millis = parts.millis;
    this.counter = parts.counter;
  }

  /** A new timestamp for a local event, greater than every one seen so far. */
  send(): string {
    const wall = this.now();
    if (wall > this.millis) {
      this.millis = wall;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return this.current();
  }

  /** Takes in a timestamp from another device so later local events sort after it. */
  recv(remote: string): { skewMs: number } {
    const r = parseHlc(remote);
    const wall = this.now();
    const next = Math.max(this.millis, r.millis, wall);
    if (next === this.millis && next === r.millis) this.counter = Math.max(this.counter, r.counter);
    else if (next === r.millis) this.counter = r.counter;
    else if (next !== this.millis) this.counter = -1;
    this.millis = next;
    this.bumpCounter();
    return { skewMs: Math.max(0, r.millis - wall) };
  }

  current(): string {
    if (this.isoOf !== this.millis) {
      this.iso = new Date(this.millis).toISOString();
      this.isoOf = this.millis;
    }
    return `${this.iso}-${this.counter.toString(16).padStart(4, '0')}-${this.device}`;
  }

  private bumpCounter(): void {
    if (this.counter >= MAX_COUNTER) {
      // 65k events in one millisecond: move the logical time on rather than overflow.
      this.millis += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
