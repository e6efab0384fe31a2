// Long jobs in the main process (export, import, sync): start one, poll `jobs.get` every 300 ms for
// its progress until it ends, cancel it. `followJob` is the loop; `useJob` keeps a screen's job
// (status and rows/s) in React state.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStarted, JobStatus } from '../../shared/jobs';
import { call } from '../api';

export const POLL_MS = 300;

/**
 * Polls until the job ends and returns its final status (errors of jobs.get itself are thrown).
 * `onStatus` gets each status and the rate (units per second in the current phase, null until known).
 */
export async function followJob(jobId: string, onStatus: (status: JobStatus, rate: number | null) => void): Promise<JobStatus> {
  let since: { phase: string; at: number; done: number } | null = null;
  for (;;) {
    const status = await call('jobs.get', { id: jobId });
    const now = Date.now();
    if (!since || since.phase !== status.phase || status.done < since.done) since = { phase: status.phase, at: now, done: status.done };
    const seconds = (now - since.at) / 1000;
    onStatus(status, seconds >= 0.5 ? (status.done - since.done) / seconds : null);
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Asks a running job to stop (it rolls back); a finished one is left as it is. */
export async function cancelJob(status: JobStatus | null): Promise<void> {
  if (status && status.state === 'running') await call('jobs.cancel', { id: status.id }).catch(() => undefined);
}

export interface JobView {
  /** The job's last known status, null before the first poll. */
  status: JobStatus | null;
  /** Units per second in the current phase. */
  rate: number | null;
  running: boolean;
}

/** One job at a time for a screen: `run(start)` starts it and resolves with its final status. */
export function useJob() {
  const [view, setView] = useState<JobView>({ status: null, rate: null, running: false });
  const live = useRef(true);
  const current = useRef<JobStatus | null>(null);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const run = useCallback(async (start: () => Promise<JobStarted>): Promise<JobStatus> => {
    setView({ status: null, rate: null, running: true });
    try {
      const { jobId } = await start();
      return await followJob(jobId, (status, rate) => {
        current.current = status;
        if (live.current) setView({ status, rate, running: status.state === 'running' });
      });
    } finally {
      current.current = null;
      if (live.current) setView((v) => ({ ...v, running: false }));
    }
  }, []);
  const cancel = useCallback(() => cancelJob(current.current), []);
  return { ...view, run, cancel };
}
