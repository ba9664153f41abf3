// One body row: a row header per row field (indented under an expanded member, with a disclosure
// button where the member expands) and the rendered value cells, a gap for columns out of view.
// Memoised, so scrolling re-renders only the rows coming into view.
import { memo, type MouseEvent } from 'react';
import type { GridModel, GridRow } from './grid-model';
import { rowHeaderText, valueText, valueTitle } from './grid-cell-text';
import type { Segment } from './grid-layout';
import { INDENT_STEP, ROW_HEIGHT } from './grid-sizes';

/** A value column: which result column and measure it shows. */
export interface ValueLeaf { readonly column: number; readonly measure: number; readonly isTotal: boolean }

/** What every row shares; one object per model so memoised rows stay put while scrolling. */
export interface RowContext {
  readonly model: GridModel;
  readonly headerRows: number;
  /** Row-header columns (at least one). */
  readonly fieldCount: number;
  readonly leaves: readonly ValueLeaf[];
  readonly stickyLefts: readonly number[];
  readonly expanders: ReadonlySet<number>;
  readonly onExpand: (row: GridRow, cell: HTMLElement | null) => void;
}

interface BodyRowProps {
  readonly ctx: RowContext;
  readonly r: number;
  readonly segments: readonly Segment[];
  /** The grid column of this row's tabbable cell, or -1. */
  readonly tabCol: number;
}

const KIND_CLASS = { leaf: 'pg-row', subtotal: 'pg-row is-subtotal', total: 'pg-row is-total', other: 'pg-row is-other' } as const;

export const GridBodyRow = memo(function GridBodyRow({ ctx, r, segments, tabCol }: BodyRowProps) {
  const row = ctx.model.rows[r];
  if (!row) return null;
  const cells = [];
  for (const seg of segments) {
    if (seg.kind === 'gap') {
      cells.push(<td key={`gap-${seg.from}`} className="pg-gap" aria-hidden="true" />);
      continue;
    }
    for (let col = seg.from; col < seg.to; col++) {
      cells.push(col < ctx.fieldCount
        ? <RowHeaderCell key={col} ctx={ctx} row={row} r={r} field={col} isTabbable={col === tabCol} />
        : <ValueCell key={col} ctx={ctx} row={row} r={r} col={col} isTabbable={col === tabCol} />);
    }
  }
  return (
    <tr role="row" aria-rowindex={ctx.headerRows + r + 1} data-testid={`grid-row-${r}`} data-row-key={row.key}
      className={`${KIND_CLASS[row.kind]}${row.indent > 0 ? ' is-child' : ''}`} style={{ height: ROW_HEIGHT }}>
      {cells}
    </tr>
  );
});

interface CellProps { readonly ctx: RowContext; readonly row: GridRow; readonly r: number; readonly isTabbable: boolean }

const EXPANDER = {
  collapsed: { mark: '▸', action: 'Expand', expanded: false, hint: undefined },
  expanded: { mark: '▾', action: 'Collapse', expanded: true, hint: undefined },
  loading: { mark: '', action: 'Collapse', expanded: true, hint: 'Loading the next level…' },
  error: { mark: '!', action: 'Retry expanding', expanded: false, hint: 'The next level could not be loaded; press to try again.' },
} as const;

function RowHeaderCell({ ctx, row, r, field, isTabbable }: CellProps & { readonly field: number }) {
  const text = rowHeaderText(ctx.model, r, field);
  const expand = row.expand?.field === field ? row.expand : undefined;
  const look = expand ? EXPANDER[expand.state] : undefined;
  const onClick = (e: MouseEvent<HTMLButtonElement>) => {
    e.stopPropagation();
    ctx.onExpand(row, e.currentTarget.closest('th'));
  };
  return (
    <th role="rowheader" scope="row" aria-colindex={field + 1} tabIndex={isTabbable ? 0 : -1} data-r={ctx.headerRows + r} data-c={field}
      className={`pg-rowhead pg-sticky${text.isRepeat ? ' is-repeat' : ''}${field === ctx.fieldCount - 1 ? ' is-edge' : ''}`} style={{ left: ctx.stickyLefts[field] }}
      title={look?.hint ?? text.title} aria-expanded={look?.expanded}>
      <span className="pg-rowhead-inner" style={{ paddingLeft: text.indent * INDENT_STEP }}>
        {expand && look && (
          <button type="button" className={`pg-expander is-${expand.state}`} tabIndex={-1} data-testid={`expand-${r}`}
            aria-expanded={look.expanded} aria-label={`${look.action} ${text.title ?? ''}`.trim()} onClick={onClick}>
            {expand.state === 'loading' ? <span className="pg-spinner" aria-hidden="true" /> : look.mark}
          </button>
        )}
        {!expand && ctx.expanders.has(field) && <span className="pg-expander-space" aria-hidden="true" />}
        {text.levelLabel && <span className="pg-level">{text.levelLabel}</span>}
        <span className="pg-label">{text.label}</span>
      </span>
    </th>
  );
}

function ValueCell({ ctx, row, r, col, isTabbable }: CellProps & { readonly col: number }) {
  const { model } = ctx;
  const leaf = ctx.leaves[col - ctx.fieldCount];
  const measure = leaf ? model.result.measures[leaf.measure] : undefined;
  const cell = leaf ? row.cells[leaf.column]?.[leaf.measure] : undefined;
  if (!leaf || !measure || !cell) {
    return <td role="gridcell" aria-colindex={col + 1} tabIndex={isTabbable ? 0 : -1} data-r={ctx.headerRows + r} data-c={col} className="pg-num" />;
  }
  const isPercent = model.percent[leaf.measure] === true;
  const className = `pg-num${leaf.isTotal ? ' is-total' : ''}${cell.suppressed ? ' is-suppressed' : ''}`;
  return (
    <td role="gridcell" aria-colindex={col + 1} tabIndex={isTabbable ? 0 : -1} data-r={ctx.headerRows + r} data-c={col}
      data-testid={`grid-cell-${r}-${leaf.column}-${leaf.measure}`} className={className}
      title={valueTitle(cell, measure, isPercent, model.result.policy)}>
      {valueText(cell, measure, isPercent)}
    </td>
  );
}
