// A small store for a catalogue the renderer lists in many places (tags, custom fields): the list
// under its own name, and load() to fetch it again after a change.
import { create } from 'zustand';

export type CatalogStore<K extends string, T> = { [key in K]: T[] } & { load(): Promise<void> };

export function createCatalogStore<K extends string, T>(key: K, fetch: () => Promise<T[]>) {
  return create<CatalogStore<K, T>>((set) => ({
    [key]: [],
    async load() {
      set({ [key]: await fetch() } as Partial<CatalogStore<K, T>>);
    },
  }) as CatalogStore<K, T>);
}
