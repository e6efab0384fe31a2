// Quote and order numbers: PREFIX-YYYYMMDD-NNN, a per-day sequence on this device. The number is
// taken inside the mutation's transaction (which holds the write lock once it writes), so it is
// unique in this file; two devices working offline can still make the same number on the same day,
// which sync keeps as two records (ids differ).
import { sql } from 'kysely';
import type { Ctx } from '../../core/context';
import { localDay } from './days';

export async function nextNumber(ctx: Ctx, table: 'quotes' | 'orders', prefix: 'Q' | 'SO'): Promise<string> {
  const stem = `${prefix}-${localDay(ctx.now).replace(/-/g, '')}-`;
  // Numeric max, not text: "…-1000" sorts before "…-999" as text. Deleted rows count too, so a
  // number is never given twice.
  const { rows } = await sql<{ n: number | null }>`
    SELECT max(CAST(substr(number, ${stem.length + 1}) AS INTEGER)) AS n
    FROM ${sql.table(table)} WHERE substr(number, 1, ${stem.length}) = ${stem}`.execute(ctx.db);
  return `${stem}${String((rows[0]?.n ?? 0) + 1).padStart(3, '0')}`;
}
