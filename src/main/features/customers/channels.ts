// The channels companies and contacts have in common, made once from a kind's spec.
import type { z } from 'zod';
import type { CustomerBase, MergeInput } from '../../../shared/customers';
import type { Page } from '../../../shared/paging';
import type { Ctx } from '../../core/context';
import type { CustomerSpec, Row } from './kinds';
import { listCustomers, type ListInput } from './list';
import { loadCustomer } from './load';
import { mergeCustomers } from './merge';
import { createCustomer, deleteCustomers, updateCustomer } from './write';

export function customerChannels<T extends CustomerBase>(spec: CustomerSpec) {
  return {
    list: (input: ListInput, ctx: Ctx): Promise<Page<T>> => listCustomers<T>(ctx.db, spec, input),
    get: ({ id }: { id: string }, ctx: Ctx) => loadCustomer<T>(ctx.db, spec, id),
    create: (input: Row & { allowDuplicate: boolean }, ctx: Ctx) => createCustomer<T>(ctx, spec, input),
    update: ({ id, patch }: { id: string; patch: Row }, ctx: Ctx) => updateCustomer<T>(ctx, spec, id, patch),
    delete: async ({ ids }: { ids: string[] }, ctx: Ctx) => ({ deleted: await deleteCustomers(ctx, spec, ids) }),
    merge: (input: z.output<typeof MergeInput>, ctx: Ctx) => mergeCustomers<T>(ctx, spec, input),
  };
}
