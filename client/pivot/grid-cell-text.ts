// What each grid cell says: value text (en-GB, or a one-decimal percentage when the model
// shows shares), the tooltip of a suppressed or empty cell, and the row-header label with its
// expansion indent, finer-level tag and repeat muting. Pure, shared by the grid and its tests.
import type { PivotResponse } from '../api/api-types';
import { EMPTY_MARK, SUPPRESSED_MARK, formatNumber, suppressedTitle } from './format-value';
import type { GridCell, GridModel, GridRow } from './grid-model';
import { rowHeaderLabel } from './pivot-columns';

type Measure = PivotResponse['measures'][number];

export const EMPTY_TITLE = 'No records contribute to this cell';
export const EMPTY_SHARE_TITLE = 'No share: nothing to divide by, or no records contribute to this cell';

export function valueText(cell: GridCell, measure: Pick<Measure, 'decimals'>, isPercent: boolean): string {
  if (cell.suppressed) return SUPPRESSED_MARK;
  if (cell.value === null) return EMPTY_MARK;
  return isPercent ? `${formatNumber(cell.value, 1)}%` : formatNumber(cell.value, measure.decimals);
}

export function valueTitle(cell: GridCell, measure: Pick<Measure, 'kind'>, isPercent: boolean, policy: PivotResponse['policy']): string | undefined {
  if (cell.suppressed) return suppressedTitle(measure, policy);
  if (cell.value === null) return isPercent ? EMPTY_SHARE_TITLE : EMPTY_TITLE;
  return undefined;
}

/** The row field whose column shows a row's expansion: where its code is at a finer level. */
export function indentField(row: GridRow): number {
  const finer = row.levelLabels.findIndex((l) => l !== undefined);
  if (finer >= 0) return finer;
  return row.expand?.field ?? Math.max(row.depth - 1, 0);
}

export interface RowHeaderText {
  readonly label: string;
  /** 'Block' where the code is finer than the column heading says. */
  readonly levelLabel: string | undefined;
  readonly indent: number;
  /** The same parent label as the row above: shown muted, still read by screen readers. */
  readonly isRepeat: boolean;
  readonly title: string | undefined;
}

const sameMembers = (a: GridRow, b: GridRow, upTo: number) => {
  for (let i = 0; i <= upTo; i++) if (a.codes[i] !== b.codes[i] || a.levelLabels[i] !== b.levelLabels[i]) return false;
  return true;
};

/** Row `r`'s header in row-field column `field`. */
export function rowHeaderText(model: GridModel, r: number, field: number): RowHeaderText {
  const row = model.rows[r];
  if (!row) return { label: '', levelLabel: undefined, indent: 0, isRepeat: false, title: undefined };
  // The top-N "Other" row's code is a marker, never shown.
  const label = rowHeaderLabel(row, field, row.kind !== 'other' && model.result.rowFields[field]?.showCodes === true);
  const levelLabel = field < row.depth ? row.levelLabels[field] : undefined;
  const previous = model.rows[r - 1];
  const isRepeat = previous !== undefined && field < row.depth - 1 && sameMembers(row, previous, field);
  const fullLabel = levelLabel ? `${levelLabel}: ${label}` : label;
  return { label, levelLabel, indent: indentField(row) === field ? row.indent : 0, isRepeat, title: fullLabel || undefined };
}
