// The pivot as a real <table>: nested column headers (column fields × measures) built by
// TanStack Table, row headers per row field, subtotal and total rows and columns styled,
// numbers right-aligned; a suppressed cell shows '*' with the rule as its tooltip.
import { useTable, type Cell, type Header } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import type { PivotResponse } from '../api/api-types';
import { formatCell, suppressedTitle } from './format-value';
import { buildPivotColumns, fieldHeading, pivotFeatures, rowHeaderLabel, type PivotFeatures, type PivotRow } from './pivot-columns';

interface Props { result: PivotResponse; busy: boolean }

const listText = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`);

export function PivotGrid({ result, busy }: Props) {
  const columns = useMemo(() => buildPivotColumns(result), [result]);
  const data = useMemo(() => result.rows.map((header, index): PivotRow => ({ index, header })), [result]);
  const table = useTable({ features: pivotFeatures, columns, data });
  const rowFieldCount = result.rowFields.length;
  const fields = [...result.rowFields, ...result.columnFields].map(fieldHeading);
  const years = result.years.map((y) => `20${y.slice(0, 2)}-${y.slice(2)}`).join(', ');
  const caption = `${result.measures.map((m) => m.label).join(', ')}${fields.length > 0 ? ` by ${listText(fields)}` : ''} · ${result.dataset.toUpperCase()} ${years}`;

  return (
    <div className={`grid-scroll${busy ? ' is-busy' : ''}`} role="region" aria-label="Pivot table" tabIndex={0}>
      <table className="pivot-grid" data-testid="pivot-grid" aria-busy={busy}>
        <caption className="grid-caption" data-testid="grid-caption">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.filter((h) => h.rowSpan !== 0).map((h) => <HeaderCell key={h.id} header={h} render={(x) => <table.FlexRender header={x} />} />)}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const { depth } = row.original.header;
            const rowClass = depth === 0 ? 'total-row' : depth < rowFieldCount ? 'subtotal-row' : undefined;
            const previous = data[row.original.index - 1]?.header;
            return (
              <tr key={row.id} className={rowClass} data-testid={`grid-row-${row.original.index}`}>
                {row.getAllCells().map((cell) => (
                  <BodyCell key={cell.id} cell={cell} result={result} previous={previous}
                    renderHeader={(x) => <table.FlexRender cell={x} />} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type PivotHeader = Header<PivotFeatures, PivotRow, unknown>;
type PivotCell = Cell<PivotFeatures, PivotRow, unknown>;

function HeaderCell({ header, render }: { header: PivotHeader; render: (h: PivotHeader) => ReactNode }) {
  const meta = header.column.columnDef.meta;
  const isGroup = meta?.kind === 'group' && !header.isPlaceholder;
  const isTotal = (meta?.kind === 'group' || meta?.kind === 'value') && meta.isTotal;
  const className = [meta?.kind === 'row-header' ? 'row-field-heading' : 'col-heading', isTotal ? 'total-col' : ''].join(' ').trim();
  return (
    <th scope={isGroup ? 'colgroup' : 'col'} colSpan={header.colSpan} rowSpan={header.rowSpan > 1 ? header.rowSpan : undefined} className={className}>
      {render(header)}
    </th>
  );
}

interface BodyCellProps {
  cell: PivotCell;
  result: PivotResponse;
  previous: PivotRow['header'] | undefined;
  renderHeader: (c: PivotCell) => ReactNode;
}

function BodyCell({ cell, result, previous, renderHeader }: BodyCellProps) {
  const meta = cell.column.columnDef.meta;
  const { index, header } = cell.row.original;
  if (meta?.kind === 'row-header') {
    // A parent label repeated on the next leaf row is muted, not removed, so every row
    // keeps complete row headers for screen readers.
    const isRepeat = previous !== undefined && meta.level < header.depth - 1
      && header.codes.slice(0, meta.level + 1).join('\u0001') === previous.codes.slice(0, meta.level + 1).join('\u0001');
    return (
      <th scope="row" className={isRepeat ? 'row-heading repeat' : 'row-heading'} title={rowHeaderLabel(header, meta.level, result.rowFields[meta.level]?.showCodes) || undefined}>
        {renderHeader(cell)}
      </th>
    );
  }
  if (meta?.kind !== 'value') return <td />;
  const value = result.cells[index]?.[meta.column]?.[meta.measure];
  const measure = result.measures[meta.measure];
  if (!value || !measure) return <td />;
  const className = ['num', meta.isTotal ? 'total-col' : '', value.suppressed ? 'suppressed' : ''].join(' ').trim();
  return (
    <td className={className} data-testid={`grid-cell-${index}-${meta.column}-${meta.measure}`}
      title={value.suppressed ? suppressedTitle(measure, result.policy) : value.value === null ? 'No records contribute to this cell' : undefined}>
      {formatCell(value, measure)}
    </td>
  );
}
