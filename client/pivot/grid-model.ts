// What the grid renders: the base pivot with the children of members expanded in place spliced
// in beneath them, totals hidden or shown, and "show as" shares applied. Built from protected
// results only (buildGridModel); PivotGrid lays it out and never computes a figure itself.
import type { ShowAs } from '../../shared/result/show-as';
import type { PivotResponse } from '../api/api-types';

export type GridCell = PivotResponse['cells'][number][number][number];

/** leaf: grouped by every row field; subtotal: by fewer; total: the grand total; other: top-N remainder. */
export type RowKind = 'leaf' | 'subtotal' | 'total' | 'other';

export type ExpandState = 'collapsed' | 'loading' | 'expanded' | 'error';

export interface GridRow {
  /** Unique in the model and stable across refetches (built from codes and levels, not positions). */
  readonly key: string;
  /** Per row field, as in a result Header; an expanded child holds its own (finer) level's code. */
  readonly codes: readonly string[];
  readonly labels: readonly string[];
  /** How many row fields the row is grouped by (Header.depth). */
  readonly depth: number;
  readonly kind: RowKind;
  /** Expansion nesting: 0 for the base result's rows, 1 for children of an expanded member, … */
  readonly indent: number;
  /** Per row field: the level label where the row's code is at a finer level than the column
   *  heading says (e.g. 'Block' under an expanded 'ICD-10 chapter'); undefined otherwise. */
  readonly levelLabels: readonly (string | undefined)[];
  /** Set when the member at row field `field` (the row's last grouped field) can be expanded in
   *  place to the next level of its hierarchy. */
  readonly expand?: { readonly field: number; readonly state: ExpandState; readonly path: ExpansionPath };
  /** The row this one sits under (subtotal, expanded member or grand total); for Escape and
   *  % of parent. Undefined for the grand total. */
  readonly parentKey?: string;
  /** cells[column][measure]; already shown-as (percentages when the model says so). */
  readonly cells: readonly (readonly GridCell[])[];
}

/** The member's codes and levels through the row fields up to the expanded one. */
export interface ExpansionPath { readonly codes: readonly string[]; readonly levels: readonly string[] }

export type { ShowAs };

export interface GridModel {
  /** The base result: fields, measures, column headers, policy, as-of, notes. */
  readonly result: PivotResponse;
  readonly rows: readonly GridRow[];
  /** Indexes into result.columns that are shown (total columns are hidden when totals are off). */
  readonly columns: readonly number[];
  readonly showAs: ShowAs;
  /** Per measure: true when its cells hold percentages (0–100) rather than the measure's unit. */
  readonly percent: readonly boolean[];
}
