import type { forecastContract } from '../../../shared/forecast';
import type { HandlersOf } from '../../core/context';
import { stageFunnel } from './funnel';
import { openPipeline, otherCurrencies, pipelineByOwner } from './pipeline';
import { closedResults } from './results';
import { scopeOf } from './scope';

export const forecastHandlers: HandlersOf<typeof forecastContract> = {
  'forecast.summary': async (input, ctx) => {
    const scope = await scopeOf(ctx, input);
    const [open, byOwner, others, closed, funnel] = await Promise.all([
      openPipeline(ctx, scope),
      pipelineByOwner(ctx, scope),
      otherCurrencies(ctx, scope),
      closedResults(ctx, scope),
      stageFunnel(ctx, scope),
    ]);
    return {
      pipelineId: scope.pipelineId,
      pipelines: scope.pipelines,
      currency: scope.currency,
      otherCurrencies: others,
      months: scope.months,
      resultMonths: scope.resultMonths,
      open,
      byOwner,
      ...closed,
      funnel,
    };
  },
};
