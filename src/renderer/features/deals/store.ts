// UI state of the deals screens: the pipeline on show, board or list, the list's filter, the
// form being edited, and the pipelines (loaded once, again after a change in Settings).
import { create } from 'zustand';
import type { DealFilter, Pipeline } from '../../../shared/deals';
import { call } from '../../api';

export type DealsView = 'board' | 'list';

interface DealsStore {
  pipelines: Pipeline[];
  pipelineId: string | null;
  view: DealsView;
  filter: DealFilter;
  /** 'new', an opportunity's id, or null when no form is open. */
  editing: string | null;
  loadPipelines(): Promise<Pipeline[]>;
  setPipeline(id: string): void;
  setView(view: DealsView): void;
  setFilter(patch: Partial<DealFilter>): void;
  setEditing(editing: string | null): void;
}

export const useDeals = create<DealsStore>((set) => ({
  pipelines: [],
  pipelineId: null,
  view: 'board',
  filter: {},
  editing: null,
  async loadPipelines() {
    const pipelines = await call('pipelines.list', {});
    set((s) => {
      const kept = pipelines.some((p) => p.id === s.pipelineId);
      return { pipelines, pipelineId: kept ? s.pipelineId : (pipelines.find((p) => p.isDefault) ?? pipelines[0])?.id ?? null };
    });
    return pipelines;
  },
  setPipeline: (pipelineId) => set((s) => ({ pipelineId, filter: { ...s.filter, stageId: null } })),
  setView: (view) => set({ view }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  setEditing: (editing) => set({ editing }),
}));

/** The pipeline on show (or null while loading). */
export const currentPipeline = (s: Pick<DealsStore, 'pipelines' | 'pipelineId'>) => s.pipelines.find((p) => p.id === s.pipelineId) ?? null;
export const useCurrentPipeline = () => useDeals(currentPipeline);
