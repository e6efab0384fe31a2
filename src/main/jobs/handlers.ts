// `jobs.get` / `jobs.cancel`: any job by id (each job checks its own kind's permission).
import type { jobsContract } from '../../shared/jobs';
import type { HandlersOf } from '../core/context';
import { jobsOf } from './registry';

export const jobsHandlers: HandlersOf<typeof jobsContract> = {
  'jobs.get': async ({ id }, ctx) => jobsOf(ctx.app).get(id, ctx.session),
  'jobs.cancel': async ({ id }, ctx) => {
    jobsOf(ctx.app).cancel(id, ctx.session);
  },
};
