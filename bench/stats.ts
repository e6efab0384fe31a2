// Timing helpers for the bench: percentiles over repeated runs, printed beside a goal.
import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Figures {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

/** Lets timers and I/O run, as between two calls reaching the app from the window (each its own task). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs each job `passes` times (after one warm-up pass) and returns the latency figures in ms.
 * Each call is its own event-loop turn, so what the app does between calls (the idle WAL
 * checkpoint, db/checkpoint.ts) happens between them, not inside the next call's promise chain.
 */
export async function measure(jobs: (() => unknown)[], passes = 3): Promise<Figures> {
  for (const job of jobs) await job();
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const job of jobs) {
      await turn();
      const t = performance.now();
      await job();
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], n: times.length };
}

const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(10);

export function row(label: string, f: Figures, goal?: number): string {
  const verdict = goal === undefined ? '' : `  goal p95 < ${goal} ms ${f.p95 < goal ? 'ok' : 'MISSED'}`;
  return `  ${label.padEnd(30)} p50 ${ms(f.p50)}  p95 ${ms(f.p95)}  max ${ms(f.max)}  (n=${f.n})${verdict}`;
}
