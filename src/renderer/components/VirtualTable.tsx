// A virtualised, keyboard-driven table over keyset pages: only the rows on screen are in the DOM,
// and the next page is fetched when the last loaded rows come into view.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Paged } from './usePaged';

export interface Column<T> {
  key: string;
  title: ReactNode;
  /** CSS grid track, e.g. '2fr' or '140px'. */
  width: string;
  /**
   * Left out when the table is narrower than this (px): on a 1024-px laptop screen the fixed
   * columns took the room of the flexible ones, and the name shrank to one character.
   */
  hideBelow?: number;
  render(row: T): ReactNode;
}

interface Props<T> {
  paged: Paged<T>;
  columns: Column<T>[];
  rowKey(row: T): string;
  selected: string[];
  onSelect(ids: string[]): void;
  onOpen(row: T): void;
  onDelete?(ids: string[]): void;
  testId?: string;
}

const ROW_HEIGHT = 44;

/** The element's width, followed as it changes (0 before the first layout). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function VirtualTable<T>({ paged, columns: allColumns, rowKey, selected, onSelect, onOpen, onDelete, testId }: Props<T>) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const width = useWidth(rootRef);
  const columns = allColumns.filter((c) => !c.hideBelow || width === 0 || width >= c.hideBelow);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const count = paged.count + (paged.done ? 0 : 1);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (!paged.done && lastIndex >= paged.count - 20) paged.loadMore();
  }, [lastIndex, paged]);

  const grid = ['40px', ...columns.map((c) => c.width)].join(' ');
  const selectedSet = new Set(selected);
  const toggle = (id: string) => onSelect(selectedSet.has(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const loadedIds = () => paged.rows().map(rowKey);
  const allChecked = paged.count > 0 && selected.length === paged.count;

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(paged.count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const row = paged.rowAt(active);
    if (e.key === 'ArrowDown') moveTo(active + 1);
    else if (e.key === 'ArrowUp') moveTo(active - 1);
    else if (e.key === 'PageDown') moveTo(active + 10);
    else if (e.key === 'PageUp') moveTo(active - 10);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(paged.count - 1);
    else if (e.key === 'Enter' && row) onOpen(row);
    else if (e.key === ' ' && row) toggle(rowKey(row));
    else if (e.key === 'Delete' && onDelete && (selected.length || row)) onDelete(selected.length ? selected : [rowKey(row as T)]);
    else return;
    e.preventDefault();
  };

  return (
    <div ref={rootRef} className="vt" data-testid={testId}>
      <div className="vt-row vt-head" style={{ gridTemplateColumns: grid }} role="row">
        <Checkbox
          aria-label={t('list.selectAll')}
          checked={allChecked}
          indeterminate={selected.length > 0 && !allChecked}
          onChange={() => onSelect(allChecked ? [] : loadedIds())}
        />
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className="vt-cell">
            {c.title}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="vt-body" tabIndex={0} onKeyDown={onKeyDown} role="grid" aria-rowcount={paged.count}>
        {paged.done && paged.count === 0 ? (
          <Empty className="vt-empty" description={t('list.empty')} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = paged.rowAt(item.index);
              const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: grid };
              if (!row) {
                return (
                  <div key="loader" className="vt-row vt-loader" style={style}>
                    <Spin size="small" />
                  </div>
                );
              }
              const id = rowKey(row);
              return (
                <div
                  key={id}
                  role="row"
                  data-testid="list-row"
                  aria-selected={selectedSet.has(id)}
                  className={`vt-row${item.index === active ? ' vt-active' : ''}${selectedSet.has(id) ? ' vt-selected' : ''}`}
                  style={style}
                  onClick={() => setActive(item.index)}
                  onDoubleClick={() => onOpen(row)}
                >
                  <Checkbox aria-label={t('list.selectRow')} checked={selectedSet.has(id)} onChange={() => toggle(id)} />
                  {columns.map((c) => (
                    <div key={c.key} role="gridcell" className="vt-cell">
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
