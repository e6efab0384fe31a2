// UI state of a customer list (companies or contacts): filter, sort, saved view, selection and
// the open form. Each list has its own store made here.
import { create } from 'zustand';
import type { CompanyCategory } from '../../../shared/companies';
import type { CustomerSort } from '../../../shared/customers';
import type { SortDir } from '../../../shared/paging';
import type { SavedView } from '../../../shared/views';

export interface DateRangeValue {
  from?: string | null;
  to?: string | null;
}

export interface ListFilter {
  tagId?: string | null;
  ownerId?: string | null;
  city?: string | null;
  created?: DateRangeValue;
  contacted?: DateRangeValue;
  category?: CompanyCategory | null;
}

export interface ListUi {
  filter: ListFilter;
  sort: CustomerSort;
  dir: SortDir;
  viewId: string | null;
  selected: string[];
  /** The record being edited in the form drawer, 'new' for a new one. */
  editing: string | null;
  setFilter(patch: Partial<ListFilter>): void;
  setSort(sort: CustomerSort, dir: SortDir): void;
  applyView(view: SavedView | null): void;
  setSelected(ids: string[]): void;
  setEditing(id: string | null): void;
}

/** The filter without empty entries, as the list channel and saved views take it. */
export function cleanFilter(filter: ListFilter): ListFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(typeof v === 'object' && !v.from && !v.to)),
  );
}

export const createListStore = () =>
  create<ListUi>((set) => ({
    filter: {},
    sort: 'updated',
    dir: 'desc',
    viewId: null,
    selected: [],
    editing: null,
    setFilter: (patch) => set((s) => ({ filter: cleanFilter({ ...s.filter, ...patch }), viewId: null, selected: [] })),
    setSort: (sort, dir) => set({ sort, dir, viewId: null, selected: [] }),
    applyView: (view) =>
      set(
        view
          ? { filter: view.filter as ListFilter, sort: view.sort, dir: view.dir, viewId: view.id, selected: [] }
          : { filter: {}, sort: 'updated', dir: 'desc', viewId: null, selected: [] },
      ),
    setSelected: (selected) => set({ selected }),
    setEditing: (editing) => set({ editing }),
  }));

export type ListStore = ReturnType<typeof createListStore>;
