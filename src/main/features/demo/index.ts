// PLACEHOLDER — the demo helper replaces this module (sample data for the first run and the CLI).
import type { Ctx } from '../../core/context';

export async function seedSampleData(_ctx: Ctx, _opts: { contacts: number }): Promise<{ contacts: number; companies: number }> {
  throw new Error('not implemented');
}
