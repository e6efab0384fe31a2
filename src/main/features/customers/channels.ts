// The channels companies and contacts have in common, made once from a kind's spec.
import type { z } from 'zod';
import type { CustomerBase, MergeInput } from '../../../shared/customers';
import type { Page } from '../../../shared/paging';
import type { Ctx } from '../../core/context';
import { checkAllVisible, checkVisible } from '../../core/visibility';
import type { CustomerSpec, Row } from './kinds';
import { listCustomers, type ListInput } from './list';
import { loadCustomer } from './load';
import { mergeCustomers } from './merge';
import { createCustomer, deleteCustomers, updateCustomer } from './write';

export function customerChannels<T extends CustomerBase>(spec: CustomerSpec) {
  return {
    list: (input: ListInput, ctx: Ctx): Promise<Page<T>> => listCustomers<T>(ctx.db, spec, input, ctx.session),
    get: async ({ id }: { id: string }, ctx: Ctx) => {
      await checkVisible(ctx.db, ctx.session, spec.kind, id);
      return loadCustomer<T>(ctx.db, spec, id);
    },
    create: (input: Row & { allowDuplicate: boolean }, ctx: Ctx) => createCustomer<T>(ctx, spec, input),
    update: async ({ id, patch }: { id: string; patch: Row }, ctx: Ctx) => {
      await checkVisible(ctx.db, ctx.session, spec.kind, id);
      return updateCustomer<T>(ctx, spec, id, patch);
    },
    delete: async ({ ids }: { ids: string[] }, ctx: Ctx) => {
      await checkAllVisible(ctx.db, ctx.session, spec.kind, ids);
      return { deleted: await deleteCustomers(ctx, spec, ids) };
    },
    merge: async (input: z.output<typeof MergeInput>, ctx: Ctx) => {
      await checkAllVisible(ctx.db, ctx.session, spec.kind, [input.survivorId, input.otherId]);
      return mergeCustomers<T>(ctx, spec, input);
    },
  };
}
