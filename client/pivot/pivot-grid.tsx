// The pivot as a virtualised, keyboard-operable ARIA grid: a <table> with TanStack Table's nested
// headers, only the rows and columns in view in the DOM (TanStack Virtual), gaps for the rest.
// One cell is tabbable; the keys move it (grid-keyboard.ts) and it stays rendered off screen.
import { useTable } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Sort } from '../../shared/query/pivot-query';
import { GridBodyRow, type RowContext, type ValueLeaf } from './grid-body-row';
import { gridCaption } from './grid-caption';
import { GridHeaderRows, slotLabel, type PivotSlot } from './grid-header-rows';
import { clampPos, gridKeyAction, type GridPos } from './grid-keyboard';
import { placeHeaders, segmentsOf, slotLookup, spanOf, withLeadingRun, withPinnedIndex } from './grid-layout';
import type { GridModel, GridRow } from './grid-model';
import { COLUMN_WIDTH, expanderFields, headerRowHeights, pageRows, revealOffset, ROW_HEIGHT, rowHeaderWidths } from './grid-sizes';
import { nextLabelSort, nextMeasureSort } from './grid-sort';
import { buildPivotColumns, pivotFeatures } from './pivot-columns';
import './pivot-grid.css';

export interface PivotGridProps {
  model: GridModel;
  busy: boolean;
  sort: Sort | undefined;
  onSort: (sort: Sort | undefined) => void;
  onToggleExpand: (row: GridRow) => void;
  /** Escape on a row: the view collapses or drills up, and names the row to focus next (if any). */
  onEscape: (row: GridRow) => string | undefined;
}

/** The focused cell: body rows by key, so focus stays on its row when rows are spliced in or out. */
interface FocusState extends GridPos { readonly key: string | undefined; readonly request: number }

/** Before the scroll area is measured (and in server rendering): about a laptop's table area. */
const INITIAL_RECT = { width: 1000, height: 480 };

const withPinned = (range: Range, pinned: number | undefined) => withPinnedIndex(defaultRangeExtractor(range), pinned, range.count);

export function PivotGrid({ model, busy, sort, onSort, onToggleExpand, onEscape }: PivotGridProps) {
  const { result } = model;
  const columns = useMemo(() => buildPivotColumns(result, model.columns), [result, model.columns]);
  const table = useTable({ features: pivotFeatures, columns, data: model.rows, getRowId: (row) => row.key });
  const headerGroups = table.getHeaderGroups();
  const slots = useMemo(() => placeHeaders(headerGroups), [headerGroups]);
  const fieldCount = Math.max(result.rowFields.length, 1);
  // `columns` is the dependency: the table reads its latest options during this render.
  const leaves = useMemo(() => table.getAllLeafColumns().flatMap((c): ValueLeaf[] => {
    const meta = c.columnDef.meta;
    return meta?.kind === 'value' ? [{ column: meta.column, measure: meta.measure, isTotal: meta.isTotal }] : [];
  }), [table, columns]);
  const headerRows = headerGroups.length;
  const rowCount = headerRows + model.rows.length;
  const colCount = fieldCount + leaves.length;

  const widths = useMemo(() => rowHeaderWidths(model), [model]);
  const stickyLefts = useMemo(() => widths.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? 0) + w], [0]), [widths]);
  const leftWidth = stickyLefts.at(-1) ?? 0;
  const keyIndex = useMemo(() => new Map(model.rows.map((row, i) => [row.key, i])), [model.rows]);
  const slotAt = useMemo(() => slotLookup(slots, headerRows, colCount), [slots, headerRows, colCount]);

  const headerHeights = useMemo(() => headerRowHeights(slots.map((slot) => {
    const meta = slot.header.column.columnDef.meta;
    const width = meta?.kind === 'row-header' ? widths[meta.level] ?? COLUMN_WIDTH : slot.colSpan * COLUMN_WIDTH;
    return { row: slot.row, rowSpan: slot.rowSpan, label: slotLabel(slot), width, wraps: meta?.kind !== 'group' };
  }), headerRows), [slots, widths, headerRows]);

  // The header's height is fixed by headerHeights; measuring it too covers fonts that differ
  // from the estimate (the body's scroll offsets start below it).
  const scrollRef = useRef<HTMLDivElement>(null);
  const theadRef = useRef<HTMLTableSectionElement>(null);
  const [measuredThead, setMeasuredThead] = useState<number | undefined>(undefined);
  const theadHeight = measuredThead ?? headerHeights.reduce((a, b) => a + b, 0);
  useLayoutEffect(() => {
    const thead = theadRef.current;
    if (!thead) return undefined;
    setMeasuredThead(thead.offsetHeight);
    const observer = new ResizeObserver(() => setMeasuredThead(thead.offsetHeight));
    observer.observe(thead);
    return () => observer.disconnect();
  }, []);

  const [focusState, setFocusState] = useState<FocusState>({ row: 0, col: 0, key: undefined, request: 0 });
  const keyed = focusState.key === undefined ? undefined : keyIndex.get(focusState.key);
  const focus = clampPos({ row: keyed === undefined ? focusState.row : headerRows + keyed, col: focusState.col }, { rowCount, colCount });
  const pinnedRow = focus.row >= headerRows ? focus.row - headerRows : undefined;
  const pinnedCol = focus.col >= fieldCount ? focus.col - fieldCount : undefined;

  // A new extractor when the focused row or column changes makes the virtualisers re-run it at
  // once, so the focused cell is in the DOM in the same render that focuses it.
  const rowRange = useCallback((range: Range) => withPinned(range, pinnedRow), [pinnedRow]);
  const colRange = useCallback((range: Range) => withPinned(range, pinnedCol), [pinnedCol]);
  const rowVirtualizer = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: theadHeight,
    initialRect: INITIAL_RECT,
    rangeExtractor: rowRange,
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: leaves.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    overscan: 3,
    scrollMargin: leftWidth,
    initialRect: INITIAL_RECT,
    rangeExtractor: colRange,
  });
  const rowIndexes = rowVirtualizer.getVirtualItems().map((item) => item.index);
  const colIndexKey = colVirtualizer.getVirtualItems().map((item) => item.index).join(',');
  const colSegments = useMemo(
    () => withLeadingRun(segmentsOf(colIndexKey === '' ? [] : colIndexKey.split(',').map(Number), leaves.length), fieldCount),
    [colIndexKey, leaves.length, fieldCount],
  );
  const rowSegments = segmentsOf(rowIndexes, model.rows.length);

  const moveFocus = useCallback((to: GridPos) => {
    const r = to.row - headerRows;
    setFocusState((prev) => ({ ...to, key: r >= 0 ? model.rows[r]?.key : undefined, request: prev.request + 1 }));
  }, [headerRows, model.rows]);

  // After a keyboard move: scroll the focused cell clear of the sticky headers, then focus it.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (focusState.request === 0 || !scroller) return;
    const top = focus.row >= headerRows
      ? revealOffset(theadHeight + (focus.row - headerRows) * ROW_HEIGHT, ROW_HEIGHT, scroller.scrollTop, scroller.clientHeight, theadHeight)
      : scroller.scrollTop;
    const left = focus.col >= fieldCount
      ? revealOffset(leftWidth + (focus.col - fieldCount) * COLUMN_WIDTH, COLUMN_WIDTH, scroller.scrollLeft, scroller.clientWidth, leftWidth)
      : scroller.scrollLeft;
    if (top !== scroller.scrollTop || left !== scroller.scrollLeft) scroller.scrollTo({ top, left });
    scroller.querySelector<HTMLElement>('[data-c][tabindex="0"]')?.focus({ preventScroll: true });
    // Only a new request moves the page; re-renders from scrolling must not pull focus back.
  }, [focusState.request]);

  const activateHeader = useCallback((slot: PivotSlot) => {
    const meta = slot.header.column.columnDef.meta;
    if (meta?.kind === 'row-header' && result.rowFields.length > 0) onSort(nextLabelSort(sort));
    if (meta?.kind === 'value') {
      const measure = result.measures[meta.measure];
      if (measure) onSort(nextMeasureSort(sort, measure.id, result.columns[meta.column]?.codes ?? []));
    }
  }, [result, sort, onSort]);

  const onExpand = useCallback((row: GridRow, cell: HTMLElement | null) => {
    onToggleExpand(row);
    cell?.focus({ preventScroll: true });
  }, [onToggleExpand]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const scroller = scrollRef.current;
    const dims = { rowCount, colCount, pageRows: pageRows(scroller?.clientHeight ?? INITIAL_RECT.height, theadHeight), spanAt: (p: GridPos) => spanOf(slotAt(p), p) };
    const action = gridKeyAction(focus, e, dims);
    const row = model.rows[focus.row - headerRows];
    switch (action.kind) {
      case 'none': return;
      case 'move': e.preventDefault(); moveFocus(action.to); return;
      case 'escape': {
        if (!row) return;
        e.preventDefault();
        const target = onEscape(row);
        if (target !== undefined && keyIndex.has(target)) {
          setFocusState((prev) => ({ row: prev.row, col: focus.col, key: target, request: prev.request + 1 }));
        }
        return;
      }
      case 'activate': {
        // A disclosure button handles its own Enter and Space as a click.
        if (e.target instanceof HTMLElement && e.target.closest('button')) return;
        // Elsewhere Space must not scroll the page.
        e.preventDefault();
        const slot = slotAt(focus);
        if (slot) activateHeader(slot);
        else if (row?.expand && action.via === 'enter' && focus.col < fieldCount) onToggleExpand(row);
        return;
      }
    }
  };

  // A click or Tab into a cell makes it the focused cell.
  const onFocus = (e: FocusEvent<HTMLTableElement>) => {
    const cell = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-c]') : null;
    // The tabbable cell already covers the focused position (perhaps one row of a spanned heading).
    if (!cell || cell.tabIndex === 0) return;
    const row = Number(cell.dataset.r);
    const col = Number(cell.dataset.c);
    const r = row - headerRows;
    // A heading focused by click is re-keyed as the focused piece (grid-header-rows.tsx), so a
    // request puts the focus on the new element after the render.
    setFocusState((prev) => ({ row, col, key: r >= 0 ? model.rows[r]?.key : undefined, request: prev.request + (r < 0 ? 1 : 0) }));
  };

  const expanders = useMemo(() => expanderFields(model), [model]);
  const ctx = useMemo((): RowContext => ({ model, headerRows, fieldCount, leaves, stickyLefts, expanders, onExpand }),
    [model, headerRows, fieldCount, leaves, stickyLefts, expanders, onExpand]);
  const captionId = useId();
  const helpId = useId();
  const tableColumns = colSegments.reduce((n, s) => n + (s.kind === 'gap' ? 1 : s.to - s.from), 0);

  return (
    <div className="pivot-grid-wrap">
      <p id={captionId} className="pivot-grid-caption" data-testid="grid-caption">{gridCaption(model)}</p>
      <p id={helpId} className="visually-hidden">
        Arrow keys move between cells. Enter or Space on a column heading sorts by it. Enter on a row heading with a disclosure button expands or collapses it; Escape goes to the row it sits under.
      </p>
      {/* Scroll padding keeps a cell focused by Tab or click clear of the sticky headers. */}
      <div ref={scrollRef} className={`pivot-grid-scroll${busy ? ' is-busy' : ''}`} style={{ scrollPaddingTop: theadHeight, scrollPaddingLeft: leftWidth }}>
        <table role="grid" className="pivot-grid-table" data-testid="pivot-grid" aria-labelledby={captionId} aria-describedby={helpId}
          aria-rowcount={rowCount} aria-colcount={colCount} aria-busy={busy} style={{ width: leftWidth + leaves.length * COLUMN_WIDTH }}
          onKeyDown={onKeyDown} onFocus={onFocus}>
          <colgroup>
            {colSegments.flatMap((s) => (s.kind === 'gap'
              ? [<col key={`gap-${s.from}`} style={{ width: (s.to - s.from) * COLUMN_WIDTH }} />]
              : Array.from({ length: s.to - s.from }, (_, i) => s.from + i).map((c) => <col key={c} style={{ width: c < fieldCount ? widths[c] : COLUMN_WIDTH }} />)))}
          </colgroup>
          <GridHeaderRows model={model} slots={slots} headerRows={headerRows} segments={colSegments} focus={focus} sort={sort}
            stickyLefts={stickyLefts} heights={headerHeights} theadRef={theadRef} onActivate={activateHeader} />
          <tbody>
            {/* One flat keyed list: a row stays mounted (and keeps the focus) when the segments around it change. */}
            {rowSegments.flatMap((s) => (s.kind === 'gap'
              ? [<tr key={`spacer:${s.from}`} className="pg-spacer" aria-hidden="true" style={{ height: (s.to - s.from) * ROW_HEIGHT }}><td colSpan={tableColumns} /></tr>]
              : Array.from({ length: s.to - s.from }, (_, i) => s.from + i).map((r) => (
                <GridBodyRow key={model.rows[r]?.key ?? r} ctx={ctx} r={r} segments={colSegments} tabCol={pinnedRow === r ? focus.col : -1} />
              ))))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
