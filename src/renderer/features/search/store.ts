import { create } from 'zustand';

/** Whether the global search dialog (Ctrl+K) is open. */
interface SearchUi {
  open: boolean;
  show(): void;
  hide(): void;
}

export const useSearchUi = create<SearchUi>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
