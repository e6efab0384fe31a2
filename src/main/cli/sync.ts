// `kehu sync export|import|status`: the sync channels through the runtime's dispatcher.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Runtime } from '../core/runtime';

export interface SyncArgs {
  action: string | undefined;
  file: string | undefined;
  forDevice: string | undefined;
  out: string | undefined;
  passphrase: string | undefined;
}

export class SyncUsageError extends Error {}

export async function runSync(rt: Runtime, args: SyncArgs, print: (text: string) => void): Promise<void> {
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
      const result = await rt.call('sync.export', { deviceId, ...pass });
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
      const s = await rt.call('sync.import', { fileName: basename(args.file), data, ...pass });
      print(`Imported from ${s.fromDevice.name} (${s.fromDevice.deviceId}): ${s.applied} applied, ${s.skipped} already known, ${s.conflicts} new conflicts.`);
      if (s.warning) print(`Warning: ${s.warning} ${JSON.stringify(s.warningParams ?? {})}`);
      return;
    }
    default:
      throw new SyncUsageError('sync needs export, import or status');
  }
}
