// Keyset pages from the main process, fetched one after another as the screen needs them.
// Pages are kept as they came (all full but the last), so appending never copies loaded rows.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Page } from '../../shared/paging';

interface PagedState<T> {
  key: string;
  pages: T[][];
  cursor: string | null;
  done: boolean;
  error: unknown;
}

export interface Paged<T> {
  count: number;
  rowAt(index: number): T | undefined;
  rows(): T[];
  done: boolean;
  error: unknown;
  loadMore(): void;
  reload(): void;
}

const fresh = <T,>(key: string): PagedState<T> => ({ key, pages: [], cursor: null, done: false, error: null });

/** `key` names the query (filter, sort...): when it changes the list starts again. */
export function usePaged<T>(key: string, load: (cursor: string | null) => Promise<Page<T>>): Paged<T> {
  const [generation, setGeneration] = useState(0);
  const fullKey = `${generation}|${key}`;
  const [state, setState] = useState<PagedState<T>>(() => fresh(fullKey));
  const loading = useRef<string | null>(null);
  const loadRef = useRef(load);
  // A layout effect, so the newest query is in place before any child's effect asks for a page.
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  if (state.key !== fullKey) setState(fresh(fullKey));

  const fetchNext = useCallback((s: PagedState<T>) => {
    const token = `${s.key}|${s.cursor}|${s.pages.length}`;
    if (s.done || loading.current === token) return;
    loading.current = token;
    loadRef.current(s.cursor).then(
      (page) =>
        setState((prev) =>
          prev.key !== s.key || prev.pages.length !== s.pages.length
            ? prev
            : { ...prev, pages: [...prev.pages, page.items], cursor: page.nextCursor, done: !page.nextCursor },
        ),
      (error: unknown) => setState((prev) => (prev.key === s.key ? { ...prev, error, done: true } : prev)),
    );
  }, []);

  useEffect(() => {
    if (state.pages.length === 0 && !state.done) fetchNext(state);
  }, [state, fetchNext]);

  const pageSize = state.pages[0]?.length || 1;
  const count = state.pages.reduce((n, p) => n + p.length, 0);
  return {
    count,
    rowAt: (i) => state.pages[Math.floor(i / pageSize)]?.[i % pageSize],
    rows: () => state.pages.flat(),
    done: state.done,
    error: state.error,
    loadMore: () => fetchNext(state),
    reload: () => setGeneration((g) => g + 1),
  };
}
