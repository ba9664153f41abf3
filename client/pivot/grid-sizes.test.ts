import { describe, expect, it } from 'vitest';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { modelFromResult } from './grid-model-basic';
import { expanderFields, HEADER_LINE, headerLineCap, headerLines, headerRowHeights, MAX_HEADER_LINES, pageRows, revealOffset, ROW_HEIGHT, rowHeaderWidths } from './grid-sizes';
import { expandedModel } from './grid-test-models';

describe('revealOffset', () => {
  // Viewport 300 px, of which the first 60 px are sticky headers.
  it('leaves the scroll alone when the item is in view', () => {
    expect(revealOffset(200, 28, 100, 300, 60)).toBe(100);
  });
  it('scrolls back so an item hidden under the sticky headers clears them', () => {
    expect(revealOffset(120, 28, 100, 300, 60)).toBe(60);
    expect(revealOffset(30, 28, 100, 300, 60)).toBe(0);
  });
  it('scrolls on just far enough to show an item below the viewport', () => {
    expect(revealOffset(500, 28, 100, 300, 60)).toBe(228);
  });
  it('aligns an item bigger than the free space to its start', () => {
    expect(revealOffset(500, 400, 0, 300, 60)).toBe(440);
  });
});

describe('sizes', () => {
  it('pages by a screenful of rows less one', () => {
    expect(pageRows(60 + 10 * ROW_HEIGHT, 60)).toBe(9);
    expect(pageRows(50, 60)).toBe(1);
  });

  it('sizes row-header columns from their longest label, within bounds', () => {
    const [plain] = rowHeaderWidths(modelFromResult(samplePivot));
    const [expanded] = rowHeaderWidths(expandedModel);
    expect(plain).toBeGreaterThanOrEqual(96);
    // The block label with its tag, indent and disclosure button is the widest.
    expect(expanded).toBeGreaterThan(plain!);
    expect(expanded).toBeLessThanOrEqual(360);
    expect(expanderFields(expandedModel)).toEqual(new Set([0]));
    expect(expanderFields(modelFromResult(samplePivot)).size).toBe(0);
  });
});

describe('headerRowHeights', () => {
  const leaf = (row: number, label: string) => ({ row, rowSpan: 1, label, width: 108, wraps: true });
  it('gives a header row the height of its longest label, up to a few lines', () => {
    const [one, three] = [headerLines('Male', 108, true), headerLines('Finished consultant episodes', 108, true)];
    expect(one).toBe(1);
    expect(three).toBeGreaterThan(1);
    expect(headerLines('x'.repeat(500), 108, true)).toBe(MAX_HEADER_LINES);
    expect(headerLines('x'.repeat(500), 108, false)).toBe(1);
    const heights = headerRowHeights([leaf(0, 'Male'), leaf(1, 'Finished consultant episodes'), leaf(1, 'Admissions')], 2);
    expect(heights[1]! - heights[0]!).toBe((three - 1) * HEADER_LINE);
  });

  it('stretches the last row under a tall heading that spans rows', () => {
    const heights = headerRowHeights([
      { row: 0, rowSpan: 2, label: 'A very long row field heading that wraps over many lines', width: 100, wraps: true },
      leaf(0, 'Male'), leaf(1, 'Female'),
    ], 2);
    expect(heights[0]).toBe(headerRowHeights([leaf(0, 'Male')], 1)[0]);
    expect(headerLineCap(heights, 0, 2)).toBe(MAX_HEADER_LINES);
    expect(headerLineCap(heights, 0, 1)).toBe(1);
  });
});
