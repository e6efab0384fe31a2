// The import that runs (or has just ended) outside the import page's life: its job is polled here,
// in module state, so that leaving the page while it runs and coming back shows its progress and
// Cancel, and then its summary. Once the summary has been on screen, leaving the page (or "import
// another file") puts the wizard back.
import { create } from 'zustand';
import type { ImportResult, IoEntity } from '../../../shared/io';
import type { JobStarted, JobStatus } from '../../../shared/jobs';
import { ApiError } from '../../api';
import { cancelJob, followJob } from '../../components/jobs';

type Outcome = { kind: 'done'; result: ImportResult } | { kind: 'cancelled' } | { kind: 'failed'; error: unknown };

interface ImportJob {
  /** The import shown instead of the wizard: its file and entity; null when there is none. */
  run: { fileName: string; entity: IoEntity } | null;
  /** The job's last known status (null before the first poll) and rows/s. */
  status: JobStatus | null;
  rate: number | null;
  /** How it ended; null while it runs. */
  outcome: Outcome | null;
  /** Undone from its summary. */
  undone: boolean;
}

const NONE: ImportJob = { run: null, status: null, rate: null, outcome: null, undone: false };

export const useImportJob = create<ImportJob>(() => NONE);

/** Which import the polling loop writes for: a later one (or clearing) makes older loops quiet. */
let current = 0;

/** Starts the import and follows it to its end (resolves then). */
export async function startImport(fileName: string, entity: IoEntity, start: () => Promise<JobStarted>): Promise<void> {
  const mine = ++current;
  const set = (state: Partial<ImportJob>) => mine === current && useImportJob.setState(state);
  useImportJob.setState({ ...NONE, run: { fileName, entity } });
  try {
    const { jobId } = await start();
    const end = await followJob(jobId, (status, rate) => set({ status, rate }));
    if (end.state === 'done') set({ outcome: { kind: 'done', result: end.result as ImportResult } });
    else if (end.state === 'failed') set({ outcome: { kind: 'failed', error: end.error ? new ApiError(end.error) : null } });
    else set({ outcome: { kind: 'cancelled' } });
  } catch (e) {
    set({ outcome: { kind: 'failed', error: e } });
  }
}

/** Asks the running import to stop (it rolls back). */
export const cancelImport = () => cancelJob(useImportJob.getState().status);

export const markImportUndone = () => useImportJob.setState({ undone: true });

/** Forgets the import that ended: the wizard again. A running one is kept. */
export function clearImport() {
  if (useImportJob.getState().run && !useImportJob.getState().outcome) return;
  ++current;
  useImportJob.setState(NONE);
}

let leaving: ReturnType<typeof setTimeout> | null = null;

/**
 * The import page is shown (`onShown`) or left (the function it returns): an import that has
 * ended, its summary seen, is forgotten when the page is left. The forgetting waits a tick, so a
 * page that is mounted again at once (React's StrictMode) keeps it.
 */
export function onImportPageShown(): () => void {
  if (leaving) clearTimeout(leaving);
  leaving = null;
  return () => {
    leaving = setTimeout(() => {
      leaving = null;
      if (useImportJob.getState().outcome) clearImport();
    }, 0);
  };
}
