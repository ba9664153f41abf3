// Lets the user choose the chart: "Automatic (…)" names what we would draw, then only the
// kinds that suit the current table.
import { useId, useMemo } from 'react';
import type { PivotResponse } from '../api/api-types';
import { chartKindName, chartKindsFor, isChartKind, type ChartKind } from './chart-kind';

interface Props {
  result: PivotResponse;
  value: ChartKind | 'auto';
  onChange: (kind: ChartKind | 'auto') => void;
  /** The charted measure: stacked bars and pies need an additive one. */
  measureIndex?: number;
}

export function ChartKindPicker({ result, value, onChange, measureIndex = 0 }: Props) {
  const kinds = useMemo(() => chartKindsFor(result, measureIndex), [result, measureIndex]);
  const id = useId();
  // A kind that does not suit this table shows as automatic, which is what the chart draws.
  const selected = value !== 'auto' && kinds.available.includes(value) ? value : 'auto';
  return (
    <span className="chart-kind-picker">
      <label htmlFor={id}>Chart type</label>{' '}
      <select id={id} data-testid="chart-kind" value={selected}
        onChange={(e) => { const next = e.target.value; onChange(isChartKind(next) ? next : 'auto'); }}>
        <option value="auto">Automatic ({chartKindName(kinds.auto)})</option>
        {kinds.available.map((kind) => <option key={kind} value={kind}>{chartKindName(kind)}</option>)}
      </select>
    </span>
  );
}
