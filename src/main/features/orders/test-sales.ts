// Test helper: an opportunity with line items, written the way the deals handlers would (through
// a ChangeSet in one transaction), so quote tests do not depend on the deals channels.
import type { LineItemInput } from '../../../shared/money';
import { LineItemInput as LineSchema } from '../../../shared/money';
import { ChangeSet } from '../../core/changes';
import type { Ctx } from '../../core/context';
import { ownerSession } from '../../core/session';
import type { Runtime } from '../../core/runtime';
import { createOpportunity, type NewOpportunity } from '../deals/create';
import { replaceLineItems } from '../sales/line-items';

export async function makeOpportunity(rt: Runtime, opp: NewOpportunity, lines: LineItemInput[] = []): Promise<string> {
  return rt.app.db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const ctx: Ctx = { db: trx, session: ownerSession, changes: new ChangeSet(trx, ownerSession.userId, now), now, app: rt.app };
    const id = await createOpportunity(ctx, opp);
    await replaceLineItems(ctx, 'opportunity', id, lines.map((l) => LineSchema.parse(l)));
    return id;
  });
}
