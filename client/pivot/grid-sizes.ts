// Fixed sizes make virtualisation exact: every body row is ROW_HEIGHT tall and every value
// column COLUMN_WIDTH wide; row-header columns are sized once per model from their longest
// label. Also where to scroll so a focused cell clears the sticky headers.
import type { GridModel } from './grid-model';
import { rowHeaderText } from './grid-cell-text';
import { fieldHeading } from './pivot-columns';

export const ROW_HEIGHT = 28;
export const COLUMN_WIDTH = 108;
export const INDENT_STEP = 16;
const CHAR_WIDTH = 7;
const CELL_PADDING = 22;
const EXPANDER_WIDTH = 22;
const MIN_ROW_HEADER = 96;
const MAX_ROW_HEADER = 360;
/** Headings wrap, so a long field name widens its column only this far. */
const HEADING_CHARS = 18;

/** Row-header columns where some row has a disclosure button: every label there leaves room for one. */
export function expanderFields(model: GridModel): ReadonlySet<number> {
  return new Set(model.rows.flatMap((row) => (row.expand ? [row.expand.field] : [])));
}

/** One width per row-header column (one column even when there are no row fields). */
export function rowHeaderWidths(model: GridModel): number[] {
  const fields = model.result.rowFields;
  const count = Math.max(fields.length, 1);
  const widths = Array.from({ length: count }, (_, f) => {
    const heading = fields[f] ? fieldHeading(fields[f]) : '';
    return Math.min(heading.length, HEADING_CHARS) * CHAR_WIDTH;
  });
  model.rows.forEach((_, r) => {
    for (let f = 0; f < count; f++) {
      const text = rowHeaderText(model, r, f);
      const chars = text.label.length + (text.levelLabel ? text.levelLabel.length + 1 : 0);
      widths[f] = Math.max(widths[f] ?? 0, chars * CHAR_WIDTH + text.indent * INDENT_STEP);
    }
  });
  const expanders = expanderFields(model);
  return widths.map((w, f) => Math.min(Math.max(Math.ceil(w + CELL_PADDING + (expanders.has(f) ? EXPANDER_WIDTH : 0)), MIN_ROW_HEADER), MAX_ROW_HEADER));
}

/**
 * The scroll offset that shows an item [start, start + size) of the scrolled content in a
 * viewport of `viewport` whose first `sticky` pixels are covered by sticky headers;
 * unchanged when it is already in view.
 */
export function revealOffset(start: number, size: number, scroll: number, viewport: number, sticky: number): number {
  if (start < scroll + sticky) return Math.max(start - sticky, 0);
  if (start + size > scroll + viewport) return Math.max(Math.min(start + size - viewport, start - sticky), 0);
  return scroll;
}

/** Rows a PageUp/PageDown moves: one screenful of body rows less one, for context. */
export function pageRows(viewportHeight: number, headerHeight: number): number {
  return Math.max(Math.floor((viewportHeight - headerHeight) / ROW_HEIGHT) - 1, 1);
}

/** Header rows get fixed heights too, so that scrolling other columns into view never
 *  changes the header's height (and shifts every body row). Labels wrap up to a few lines. */
export const HEADER_LINE = 15;
const HEADER_PAD = 10;
const HEADER_CHAR_WIDTH = 7.5;
/** Room a leaf heading keeps for its sort arrow and padding. */
const HEADER_INSET = 30;
export const MAX_HEADER_LINES = 4;

export interface HeaderLabel {
  readonly row: number;
  readonly rowSpan: number;
  readonly label: string;
  readonly width: number;
  /** Group headings stay on one line (their label sticks while their columns scroll by). */
  readonly wraps: boolean;
}

/** Lines a label needs at a width (estimated from its length), at most MAX_HEADER_LINES. */
export function headerLines(label: string, width: number, wraps: boolean): number {
  if (!wraps || label.length === 0) return 1;
  const perLine = Math.max(Math.floor((width - HEADER_INSET) / HEADER_CHAR_WIDTH), 4);
  return Math.min(Math.ceil(label.length / perLine), MAX_HEADER_LINES);
}

const heightFor = (lines: number) => HEADER_PAD + lines * HEADER_LINE;

/** The height of each header row: its tallest one-row label; a label spanning rows (the
 *  row-field headings) stretches the last row it covers if they are not tall enough. */
export function headerRowHeights(labels: readonly HeaderLabel[], headerRows: number): number[] {
  const heights = Array.from({ length: headerRows }, () => heightFor(1));
  for (const l of labels) {
    if (l.rowSpan === 1 && l.row < headerRows) heights[l.row] = Math.max(heights[l.row] ?? 0, heightFor(headerLines(l.label, l.width, l.wraps)));
  }
  for (const l of labels) {
    if (l.rowSpan <= 1) continue;
    const last = Math.min(l.row + l.rowSpan, headerRows) - 1;
    const have = heights.slice(l.row, last + 1).reduce((a, b) => a + b, 0);
    const need = heightFor(headerLines(l.label, l.width, l.wraps));
    if (need > have) heights[last] = (heights[last] ?? 0) + need - have;
  }
  return heights;
}

/** Lines a heading may show in the rows it spans (more are clipped; its title has them all). */
export function headerLineCap(heights: readonly number[], row: number, rowSpan: number): number {
  const height = heights.slice(row, row + rowSpan).reduce((a, b) => a + b, 0);
  return Math.max(Math.floor((height - HEADER_PAD) / HEADER_LINE), 1);
}
