// Test devices for sync tests: temporary runtimes with a device name, disposed after each test,
// and a bundle sent from one to another.
import { afterEach } from 'vitest';
import { SYNCED_TABLES } from '../db/schema';
import { OWNER_ID } from '../core/session';
import { tempRuntime, type TempRuntime } from '../test/temp-runtime';

const open: TempRuntime[] = [];
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.dispose();
});

/** A fresh device named `name`, disposed after the test. */
export async function device(name: string): Promise<TempRuntime> {
  const rt = await tempRuntime();
  open.push(rt);
  await rt.call('sync.rename', { name });
  return rt;
}

export type Bundle = { fileName: string; data: string; changes: number };

/** The bundle `from` exports for `to` (only what `to` lacks once `from` knows it; all for null). */
export async function bundleFor(from: TempRuntime, to: TempRuntime | null, passphrase?: string): Promise<Bundle> {
  const known = to ? (await from.call('sync.status', {})).devices.some((d) => d.deviceId === to.app.deviceId) : false;
  return from.call('sync.export', { deviceId: known && to ? to.app.deviceId : null, ...(passphrase ? { passphrase } : {}) });
}

/** `from` exports a bundle for `to`, and `to` imports it. */
export async function send(from: TempRuntime, to: TempRuntime) {
  return to.call('sync.import', await bundleFor(from, to));
}

/** Every synced table's rows (minus the local rid and the per-device owner row), sorted by id. */
export function snapshot(rt: TempRuntime): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of SYNCED_TABLES) {
    const rows = rt.app.db.sqlite.prepare(`SELECT * FROM ${t} WHERE id != ? ORDER BY id`).all(OWNER_ID) as Record<string, unknown>[];
    out[t] = rows.map(({ rid: _rid, ...r }) => r);
  }
  return out;
}
