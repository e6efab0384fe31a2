// The tag catalogue, shared by filters, forms and detail pages; reloaded after any tag change.
import { create } from 'zustand';
import type { Tag } from '../../../shared/tags';
import { call } from '../../api';

interface TagsStore {
  tags: Tag[];
  load(): Promise<void>;
}

export const useTags = create<TagsStore>((set) => ({
  tags: [],
  async load() {
    set({ tags: await call('tags.list', {}) });
  },
}));
