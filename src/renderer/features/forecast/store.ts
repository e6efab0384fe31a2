// The forecast's filters: kept while the person moves around the app.
import { create } from 'zustand';
import type { Currency } from '../../../shared/money';

export interface ForecastFilters {
  /** null: the default pipeline. */
  pipelineId: string | null;
  ownerId: string | null;
  currency: Currency;
  ahead: number;
  back: number;
}

interface ForecastUi extends ForecastFilters {
  set(patch: Partial<ForecastFilters>): void;
}

export const useForecastUi = create<ForecastUi>((set) => ({
  pipelineId: null,
  ownerId: null,
  currency: 'CNY',
  ahead: 6,
  back: 12,
  set: (patch) => set(patch),
}));
