// Where cells go when only some columns are rendered: TanStack's header groups placed on a grid,
// rendered columns as runs between gaps, and header rows clipped to the runs (a group heading
// keeps only its visible part). Pure, so a 10,000-cell layout is tested without a browser.
import type { CellSpan, GridPos } from './grid-keyboard';

/** A header cell at its place in the header grid (rowSpan > 1 for stacked placeholders). */
export interface HeaderSlot<T> {
  readonly row: number;
  readonly rowSpan: number;
  readonly col: number;
  readonly colSpan: number;
  readonly header: T;
}

interface SpannedHeader { readonly colSpan: number; readonly rowSpan: number }

/** Places TanStack header groups: a header with rowSpan 0 is covered by the one above it. */
export function placeHeaders<T extends SpannedHeader>(groups: readonly { readonly headers: readonly T[] }[]): HeaderSlot<T>[] {
  const slots: HeaderSlot<T>[] = [];
  groups.forEach((group, row) => {
    let col = 0;
    for (const header of group.headers) {
      if (header.rowSpan !== 0 && header.colSpan > 0) slots.push({ row, rowSpan: header.rowSpan, col, colSpan: header.colSpan, header });
      col += header.colSpan;
    }
  });
  return slots;
}

/** Rendered columns (or rows) as runs, with the hidden stretches between them as gaps. */
export type Segment = { readonly kind: 'run' | 'gap'; readonly from: number; readonly to: number };

/** Segments covering 0..count from the rendered indexes (any order, duplicates ignored). */
export function segmentsOf(indexes: readonly number[], count: number): Segment[] {
  const sorted = [...new Set(indexes)].filter((i) => i >= 0 && i < count).sort((a, b) => a - b);
  const segments: Segment[] = [];
  let at = 0;
  for (const i of sorted) {
    const last = segments.at(-1);
    if (last?.kind === 'run' && last.to === i) {
      segments[segments.length - 1] = { kind: 'run', from: last.from, to: i + 1 };
    } else {
      if (i > at) segments.push({ kind: 'gap', from: at, to: i });
      segments.push({ kind: 'run', from: i, to: i + 1 });
    }
    at = i + 1;
  }
  if (at < count) segments.push({ kind: 'gap', from: at, to: count });
  return segments;
}

/** The virtualiser's indexes plus the focused one, so the focused cell stays in the DOM (and
 *  keeps the focus) while the user scrolls it out of view. */
export function withPinnedIndex(indexes: readonly number[], pinned: number | undefined, count: number): number[] {
  if (pinned === undefined || pinned < 0 || pinned >= count || indexes.includes(pinned)) return [...indexes];
  return [...indexes, pinned].sort((a, b) => a - b);
}

/** Shifts segments of value columns right past the row-header columns, which always render. */
export function withLeadingRun(segments: readonly Segment[], lead: number): Segment[] {
  const shifted = segments.map((s) => ({ kind: s.kind, from: s.from + lead, to: s.to + lead }));
  return lead > 0 ? [{ kind: 'run', from: 0, to: lead }, ...shifted] : shifted;
}

export type HeaderPiece<T> =
  | { readonly kind: 'cell'; readonly slot: HeaderSlot<T>; readonly col: number; readonly colSpan: number }
  | { readonly kind: 'gap'; readonly from: number; readonly to: number };

/** What header row `row` renders: each slot that starts in it, clipped to every run it meets. */
export function headerRowPieces<T>(slots: readonly HeaderSlot<T>[], row: number, segments: readonly Segment[]): HeaderPiece<T>[] {
  const inRow = slots.filter((s) => s.row === row).sort((a, b) => a.col - b.col);
  const pieces: HeaderPiece<T>[] = [];
  for (const seg of segments) {
    if (seg.kind === 'gap') {
      pieces.push({ kind: 'gap', from: seg.from, to: seg.to });
      continue;
    }
    for (const slot of inRow) {
      const from = Math.max(slot.col, seg.from);
      const to = Math.min(slot.col + slot.colSpan, seg.to);
      if (from < to) pieces.push({ kind: 'cell', slot, col: from, colSpan: to - from });
    }
  }
  return pieces;
}

/** The header slot covering a position of the header rows (undefined in the body). */
export function slotLookup<T>(slots: readonly HeaderSlot<T>[], headerRows: number, colCount: number): (pos: GridPos) => HeaderSlot<T> | undefined {
  const cover = new Map<number, HeaderSlot<T>>();
  for (const s of slots) {
    for (let r = s.row; r < s.row + s.rowSpan; r++) for (let c = s.col; c < s.col + s.colSpan; c++) cover.set(r * colCount + c, s);
  }
  return (pos) => (pos.row < headerRows && pos.col >= 0 && pos.col < colCount ? cover.get(pos.row * colCount + pos.col) : undefined);
}

/** The keyboard's view of a position: its header slot's span, or the one body cell. */
export function spanOf<T>(slot: HeaderSlot<T> | undefined, pos: GridPos): CellSpan {
  return slot
    ? { rowStart: slot.row, rowEnd: slot.row + slot.rowSpan, colStart: slot.col, colEnd: slot.col + slot.colSpan }
    : { rowStart: pos.row, rowEnd: pos.row + 1, colStart: pos.col, colEnd: pos.col + 1 };
}
