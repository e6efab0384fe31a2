import { create } from 'zustand';
import type { TrashEntity } from '../../../shared/customers';

/** Which kind of deleted record the Trash shows, and which rows are selected. */
interface TrashUi {
  entity: TrashEntity;
  selected: string[];
  setEntity(entity: TrashEntity): void;
  setSelected(ids: string[]): void;
}

export const useTrashUi = create<TrashUi>((set) => ({
  entity: 'contact',
  selected: [],
  setEntity: (entity) => set({ entity, selected: [] }),
  setSelected: (selected) => set({ selected }),
}));
