// The grid's header rows: row-field headings (sort by label) spanning every header row, column
// groups clipped to the rendered columns, and leaf value headings (sort by that measure in that
// column). Sticky at the top; the row-field headings also stick to the left.
import type { Header } from '@tanstack/react-table';
import type { Ref } from 'react';
import type { Sort } from '../../shared/query/pivot-query';
import type { GridModel } from './grid-model';
import type { GridPos } from './grid-keyboard';
import { headerRowPieces, type HeaderSlot, type Segment } from './grid-layout';
import { COLUMN_WIDTH, headerLineCap, headerLines } from './grid-sizes';
import { ariaSort, labelSortDirection, measureSortDirection } from './grid-sort';
import type { PivotFeatures, PivotRow } from './pivot-columns';

export type PivotHeader = Header<PivotFeatures, PivotRow, unknown>;
export type PivotSlot = HeaderSlot<PivotHeader>;

interface HeaderRowsProps {
  readonly model: GridModel;
  readonly slots: readonly PivotSlot[];
  readonly headerRows: number;
  readonly segments: readonly Segment[];
  readonly focus: GridPos;
  readonly sort: Sort | undefined;
  readonly stickyLefts: readonly number[];
  /** Fixed header row heights (grid-sizes.ts headerRowHeights). */
  readonly heights: readonly number[];
  readonly theadRef: Ref<HTMLTableSectionElement>;
  readonly onActivate: (slot: PivotSlot) => void;
}

/** A heading's text, as TanStack holds it (always a string here). */
export function slotLabel(slot: PivotSlot): string {
  const header = slot.header.column.columnDef.header;
  return typeof header === 'string' ? header : '';
}

const ARROWS = { asc: '▲', desc: '▼' } as const;

export function GridHeaderRows({ model, slots, headerRows, segments, focus, sort, stickyLefts, heights, theadRef, onActivate }: HeaderRowsProps) {
  const rows = Array.from({ length: headerRows }, (_, y) => headerRowPieces(slots, y, segments));
  const leftWidth = stickyLefts.at(-1) ?? 0;
  return (
    <thead ref={theadRef}>
      {rows.map((pieces, y) => (
        <tr key={y} role="row" aria-rowindex={y + 1} style={{ height: heights[y] }}>
          {pieces.map((piece) => {
            if (piece.kind === 'gap') return <td key={`gap-${piece.from}`} className="pg-gap" aria-hidden="true" />;
            const { slot } = piece;
            const covers = focus.row >= slot.row && focus.row < slot.row + slot.rowSpan && focus.col >= piece.col && focus.col < piece.col + piece.colSpan;
            // The focused piece keeps its key while scrolling clips its heading to another first
            // column, so it stays mounted and keeps the focus.
            return (
              <HeaderCell key={covers ? `${slot.header.id}-focus` : `${slot.header.id}-${piece.col}`} model={model} slot={slot} col={piece.col} colSpan={piece.colSpan}
                isTabbable={covers} sort={sort} stickyLeft={stickyLefts[piece.col]} leftWidth={leftWidth}
                width={piece.col < stickyLefts.length - 1 ? (stickyLefts[piece.col + 1] ?? 0) - (stickyLefts[piece.col] ?? 0) : piece.colSpan * COLUMN_WIDTH}
                lineCap={headerLineCap(heights, slot.row, slot.rowSpan)} onActivate={onActivate} />
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

interface HeaderCellProps {
  readonly model: GridModel;
  readonly slot: PivotSlot;
  readonly col: number;
  readonly colSpan: number;
  readonly isTabbable: boolean;
  readonly sort: Sort | undefined;
  readonly stickyLeft: number | undefined;
  readonly leftWidth: number;
  /** The cell's width in pixels (a row-header column's, or a value column's). */
  readonly width: number;
  readonly lineCap: number;
  readonly onActivate: (slot: PivotSlot) => void;
}

function HeaderCell({ model, slot, col, colSpan, isTabbable, sort, stickyLeft, leftWidth, width, lineCap, onActivate }: HeaderCellProps) {
  const meta = slot.header.column.columnDef.meta;
  const label = slotLabel(slot);
  const text = () => <span className="pg-head-text" style={{ WebkitLineClamp: lineCap }}>{label}</span>;
  // A label clipped to the lines its rows have shows in full as a tooltip.
  const title = headerLines(label, width, true) > lineCap ? label : undefined;
  const common = {
    role: 'columnheader',
    'aria-colindex': col + 1,
    tabIndex: isTabbable ? 0 : -1,
    'data-r': slot.row,
    'data-c': col,
    rowSpan: slot.rowSpan > 1 ? slot.rowSpan : undefined,
  } as const;

  if (meta?.kind === 'row-header') {
    const hasField = model.result.rowFields.length > 0;
    const direction = hasField ? labelSortDirection(sort) : undefined;
    return (
      <th {...common} scope="col" className={`pg-fieldhead pg-sticky${hasField ? ' is-sortable' : ''}${meta.level === Math.max(model.result.rowFields.length, 1) - 1 ? ' is-edge' : ''}`} style={{ left: stickyLeft }}
        data-testid={hasField ? `grid-rowfield-${meta.level}` : undefined}
        aria-sort={meta.level === 0 ? ariaSort(direction) : undefined} title={title}
        onClick={hasField ? () => onActivate(slot) : undefined}>
        <div className="pg-head-inner">
          {hasField ? text() : <span className="visually-hidden">Rows</span>}
          {direction && <span className="pg-sort" aria-hidden="true">{ARROWS[direction]}</span>}
        </div>
      </th>
    );
  }

  if (meta?.kind === 'value') {
    const measure = model.result.measures[meta.measure];
    const codes = model.result.columns[meta.column]?.codes ?? [];
    const direction = measure ? measureSortDirection(sort, measure.id, codes) : undefined;
    return (
      <th {...common} scope="col" className={`pg-colhead is-sortable${meta.isTotal ? ' is-total' : ''}`}
        data-testid={`grid-colheader-${meta.column}-${meta.measure}`} aria-sort={ariaSort(direction)}
        title={title} onClick={() => onActivate(slot)}>
        <div className="pg-head-inner">
          {text()}
          <span className="pg-sort" aria-hidden="true">{direction ? ARROWS[direction] : '↕'}</span>
        </div>
      </th>
    );
  }

  // A column group: its label sticks just right of the row headers while its columns scroll by.
  return (
    <th {...common} scope="colgroup" colSpan={colSpan} className={`pg-grouphead${meta?.kind === 'group' && meta.isTotal ? ' is-total' : ''}`} title={label}>
      <span className="pg-group-label" style={{ left: leftWidth + 6 }}>{label}</span>
    </th>
  );
}
