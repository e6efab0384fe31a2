import type { dealsContract } from '../../../shared/deals';
import type { HandlersOf } from '../../core/context';
import { checkVisible } from '../../core/visibility';
import { dealBoard } from './board';
import { listDeals } from './list';
import { getDeal } from './load';
import { moveDeal } from './move';
import { deletePipeline, listPipelines, savePipeline } from './pipelines';
import { createDeal, setDeleted, updateDeal } from './write';

export const dealsHandlers: HandlersOf<typeof dealsContract> = {
  'pipelines.list': (_input, ctx) => listPipelines(ctx),
  'pipelines.save': savePipeline,
  'pipelines.delete': ({ id }, ctx) => deletePipeline(id, ctx),

  'deals.list': (input, ctx) => listDeals(ctx.db, input, ctx.session),
  'deals.board': dealBoard,
  'deals.get': async ({ id }, ctx) => {
    await checkVisible(ctx.db, ctx.session, 'opportunity', id);
    return getDeal(ctx.db, id, ctx.now);
  },
  'deals.create': async (input, ctx) => getDeal(ctx.db, await createDeal(input, ctx), ctx.now),
  'deals.update': async (input, ctx) => {
    await checkVisible(ctx.db, ctx.session, 'opportunity', input.id);
    await updateDeal(input, ctx);
    return getDeal(ctx.db, input.id, ctx.now);
  },
  'deals.move': async (input, ctx) => {
    await checkVisible(ctx.db, ctx.session, 'opportunity', input.id);
    await moveDeal(input, ctx);
    return getDeal(ctx.db, input.id, ctx.now);
  },
  'deals.delete': async ({ ids }, ctx) => ({ deleted: await setDeleted(ctx, ids, true) }),
  'deals.restore': async ({ ids }, ctx) => ({ restored: await setDeleted(ctx, ids, false) }),
};
