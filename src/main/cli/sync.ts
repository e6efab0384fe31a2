// `kehu sync export|import|status`: the sync channels through the runtime's dispatcher; export and
// import run as jobs in a worker thread (progress on a terminal, Ctrl+C cancels).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Runtime } from '../core/runtime';
import type { JobStatus } from '../../shared/jobs';
import { KehuError } from '../../shared/errors';
import type { SyncExportResult, SyncImportSummary } from '../../shared/sync';

export interface SyncArgs {
  action: string | undefined;
  file: string | undefined;
  forDevice: string | undefined;
  out: string | undefined;
  passphrase: string | undefined;
}

export class SyncUsageError extends Error {}

export interface SyncJobOptions {
  /** Called with the job's status while it runs (a terminal shows a progress line). */
  progress?: (status: JobStatus) => void;
  /** Aborting (Ctrl+C) cancels the job: nothing is written. */
  signal?: AbortSignal;
}

const POLL_MS = 200;

/** Waits for a job started through the contract, polling `jobs.get` like the UI does. */
async function waitForJob(rt: Runtime, jobId: string, opts: SyncJobOptions): Promise<unknown> {
  const cancel = () => void rt.call('jobs.cancel', { id: jobId }).catch(() => undefined);
  opts.signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const status = await rt.call('jobs.get', { id: jobId });
      if (status.state === 'running') {
        opts.progress?.(status);
        await new Promise((r) => setTimeout(r, POLL_MS));
        continue;
      }
      if (status.state === 'done') return status.result;
      if (status.state === 'failed') throw new KehuError(status.error ?? { code: 'internal', message: 'errors.internal' });
      throw new Error('Cancelled: nothing was written.');
    }
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
  }
}

/** A one-line progress text for a terminal, e.g. `import: apply 1200/5000`. */
export function progressLine(s: JobStatus): string {
  return `${s.kind.replace('sync.', '')}: ${s.phase}${s.total ? ` ${s.done}/${s.total}` : ''}`;
}

export async function runSync(rt: Runtime, args: SyncArgs, print: (text: string) => void, opts: SyncJobOptions = {}): Promise<void> {
  const pass = args.passphrase ? { passphrase: args.passphrase } : {};
  switch (args.action) {
    case 'status': {
      const s = await rt.call('sync.status', {});
      const lines = [`This device: ${s.deviceName} (${s.deviceId})`, `Open conflicts: ${s.openConflicts}`, 'Devices:'];
      if (s.devices.length === 0) lines.push('  (none yet: export with --for new, import their bundle)');
      for (const d of s.devices) {
        lines.push(`  ${d.name} (${d.deviceId})  last import ${d.lastImportAt ?? '-'}  last export ${d.lastExportAt ?? '-'}  pending ${d.pending}`);
      }
      print(lines.join('\n'));
      return;
    }
    case 'export': {
      if (!args.forDevice || !args.out) throw new SyncUsageError('sync export needs --for DEVICE (id, name, or "new") and --out FILE');
      let deviceId: string | null = null;
      if (args.forDevice !== 'new') {
        const { devices } = await rt.call('sync.status', {});
        const match = devices.filter((d) => d.deviceId === args.forDevice || d.name === args.forDevice);
        if (match.length !== 1) {
          throw new SyncUsageError(`unknown device "${args.forDevice}": use a device id or name from \`sync status\`, or "new" for a full snapshot`);
        }
        deviceId = match[0].deviceId;
      }
      const { jobId } = await rt.call('sync.startExport', { deviceId, ...pass });
      const result = (await waitForJob(rt, jobId, opts)) as SyncExportResult;
      // Temp-then-rename: a half-written file never looks like a bundle.
      const temp = `${args.out}.part`;
      writeFileSync(temp, Buffer.from(result.data, 'base64'));
      renameSync(temp, args.out);
      print(`Wrote ${args.out}: ${result.changes} changes, ${result.bytes} bytes.`);
      return;
    }
    case 'import': {
      if (!args.file) throw new SyncUsageError('sync import needs a FILE');
      const data = readFileSync(args.file).toString('base64');
      const { jobId } = await rt.call('sync.startImport', { fileName: basename(args.file), data, ...pass });
      const s = (await waitForJob(rt, jobId, opts)) as SyncImportSummary;
      print(`Imported from ${s.fromDevice.name} (${s.fromDevice.deviceId}): ${s.applied} applied, ${s.skipped} already known, ${s.conflicts} new conflicts.`);
      if (s.warning) print(`Warning: ${s.warning} ${JSON.stringify(s.warningParams ?? {})}`);
      return;
    }
    default:
      throw new SyncUsageError('sync needs export, import or status');
  }
}
