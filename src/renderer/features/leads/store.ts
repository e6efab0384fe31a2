// UI state of the leads list (filter, sort, selection, the open form) and the sales choice lists
// (lead sources, lost and invalid reasons) loaded once and reloaded after an edit.
import { create } from 'zustand';
import type { LeadStatus, PicklistItem, PicklistName } from '../../../shared/leads';
import { call } from '../../api';

export interface LeadFilter {
  status?: LeadStatus | null;
  ownerId?: string | null;
  source?: string | null;
  overdue?: boolean;
  q?: string;
}

interface LeadsUi {
  filter: LeadFilter;
  sort: 'next' | 'created';
  selected: string[];
  /** The lead being edited in the drawer, 'new' for a new one. */
  editing: string | null;
  setFilter(patch: Partial<LeadFilter>): void;
  setSort(sort: 'next' | 'created'): void;
  setSelected(ids: string[]): void;
  setEditing(id: string | null): void;
}

export const useLeadsUi = create<LeadsUi>((set) => ({
  filter: {},
  sort: 'next',
  selected: [],
  editing: null,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch }, selected: [] })),
  setSort: (sort) => set({ sort }),
  setSelected: (selected) => set({ selected }),
  setEditing: (editing) => set({ editing }),
}));

/** The filter without empty entries, as leads.list takes it. */
export const cleanLeadFilter = (f: LeadFilter) => ({
  status: f.status ?? null,
  ownerId: f.ownerId ?? null,
  source: f.source ?? null,
  overdue: f.overdue || null,
  q: f.q?.trim() || null,
});

interface Picklists {
  lists: Partial<Record<PicklistName, PicklistItem[]>>;
  load(list: PicklistName): Promise<void>;
}

export const usePicklists = create<Picklists>((set) => ({
  lists: {},
  async load(list) {
    const items = await call('picklists.list', { list });
    set((s) => ({ lists: { ...s.lists, [list]: items } }));
  },
}));
