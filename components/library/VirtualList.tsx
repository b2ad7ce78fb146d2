/**
 * A list that renders only the rows in view (TanStack Virtual), so 20,000 pieces scroll
 * smoothly. Rows have fixed heights per kind; the list is a listbox navigable with the arrow
 * keys, Home/End, and Enter to open. With `selection`, many rows can be chosen: Ctrl-click or
 * Space one, Shift-click or Shift+arrows a range, Ctrl+A all (while the list has focus), Escape
 * none.
 */
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
} from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { keysBetween, toggledKey, withKeys } from '../../lib/library/selection';

export interface ListSelection<T> {
  /** The key an item is chosen by (null: it cannot be chosen). */
  keyOf: (item: T) => string | null;
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}

export interface VirtualListProps<T> {
  label: string;
  items: T[];
  itemKey: (item: T, index: number) => string;
  itemHeight: (item: T) => number;
  /** Items that can be focused and opened (group headers cannot). */
  isSelectable: (item: T) => boolean;
  renderItem: (item: T, selected: boolean) => ComponentChildren;
  onOpen: (item: T) => void;
  /** Rows rendered beyond the window on each side (default 3). */
  overscan?: number;
  /** The rendered rows changed: their first and last index (after the render). */
  onRangeChange?: (first: number, last: number) => void;
  selection?: ListSelection<T>;
}

function VirtualRows<T>(props: VirtualListProps<T>) {
  const { label, items, itemKey, itemHeight, isSelectable, renderItem, onOpen } = props;
  const { overscan = 3, onRangeChange, selection } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [active, setActive] = useState(-1);
  // The virtualizer reads items through a ref, so its callbacks stay the same from render to
  // render and it does not lay out 20,000 rows again each time. Rows are known to it by position
  // (their sizes never change once shown); new items get a new key function: that is what tells
  // it to lay them out again, in this render (`measure()` would cost a second one).
  const current = useRef({ items, itemHeight });
  current.current = { items, itemHeight };
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, Element>({
        count: items.length,
        getScrollElement: () => scroller.current,
        estimateSize: (index) => current.current.itemHeight(current.current.items[index]!),
        getItemKey: (index) => index,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        onChange: () => rerender(0),
        overscan,
      }),
  );
  const laidOut = useRef(items);
  if (laidOut.current !== items) {
    laidOut.current = items;
    virtualizer.setOptions({
      ...virtualizer.options,
      count: items.length,
      getItemKey: (index) => index,
    });
  }
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  useEffect(() => {
    setActive((index) => (index >= items.length ? -1 : index));
  }, [items]);
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? -1;
  const last = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (first >= 0) onRangeChange?.(first, last);
  }, [first, last, items, onRangeChange]);

  const move = (from: number, step: number) => {
    for (let i = from + step; i >= 0 && i < items.length; i += step) {
      if (isSelectable(items[i]!)) return i;
    }
    return from;
  };
  const choose = (keys: string[]) => selection?.onChange(withKeys(selection.chosen, keys));
  const onSelectionKey = (event: KeyboardEvent): boolean => {
    if (!selection) return false;
    const { keyOf, chosen, onChange } = selection;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      choose(keysBetween(items, 0, items.length - 1, keyOf));
    } else if (event.key === ' ' && active >= 0) {
      const key = keyOf(items[active]!);
      if (key !== null) onChange(toggledKey(chosen, key));
    } else if (event.key === 'Escape' && chosen.size > 0) {
      event.stopPropagation();
      onChange(new Set());
    } else if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      const next = move(active, event.key === 'ArrowDown' ? 1 : -1);
      choose(keysBetween(items, active < 0 ? next : active, next, keyOf));
      setActive(next);
      if (next >= 0) virtualizer.scrollToIndex(next, { align: 'auto' });
    } else return false;
    event.preventDefault();
    return true;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (onSelectionKey(event)) return;
    let next = active;
    if (event.key === 'ArrowDown') next = move(active, 1);
    else if (event.key === 'ArrowUp') next = move(active < 0 ? items.length : active, -1);
    else if (event.key === 'Home') next = move(-1, 1);
    else if (event.key === 'End') next = move(items.length, -1);
    else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      onOpen(items[active]!);
      return;
    } else return;
    event.preventDefault();
    setActive(next);
    if (next >= 0) virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const optionId = (index: number) => `row-${itemKey(items[index]!, index)}`;
  return (
    <div
      ref={scroller}
      class="virtual-list"
      role="listbox"
      aria-label={label}
      aria-multiselectable={selection ? true : undefined}
      tabIndex={0}
      aria-activedescendant={active >= 0 && active < items.length ? optionId(active) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => active < 0 && setActive(move(-1, 1))}
    >
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {rows.map((row) => {
          const item = items[row.index]!;
          const selectable = isSelectable(item);
          const key = selection?.keyOf(item) ?? null;
          const chosen = key !== null && selection!.chosen.has(key);
          return (
            // Keyed by position: a new filter or search fills the same row elements with other
            // pieces instead of building new ones (focus stays on the list, never on a row).
            <div
              key={row.index}
              id={optionId(row.index)}
              role={selectable ? 'option' : 'presentation'}
              aria-selected={selectable ? (selection ? chosen : row.index === active) : undefined}
              class={`virtual-row${row.index === active ? ' active' : ''}${chosen ? ' chosen' : ''}`}
              style={{ height: `${row.size}px`, transform: `translateY(${row.start}px)` }}
              // Shift-click chooses a range: it must not also select the text between.
              onMouseDown={(event) => selection && event.shiftKey && event.preventDefault()}
              onClick={(event) => {
                if (!selectable) return;
                const from = active;
                setActive(row.index);
                if (selection && key !== null && (event.ctrlKey || event.metaKey)) {
                  selection.onChange(toggledKey(selection.chosen, key));
                } else if (selection && event.shiftKey) {
                  choose(
                    keysBetween(items, from < 0 ? row.index : from, row.index, selection.keyOf),
                  );
                } else onOpen(item);
              }}
            >
              {renderItem(item, row.index === active)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Rendered again only when its props change: give it stable callbacks. */
export const VirtualList = memo(VirtualRows) as typeof VirtualRows;
