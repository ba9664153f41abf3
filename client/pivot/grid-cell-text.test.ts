import { describe, expect, it } from 'vitest';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { EMPTY_SHARE_TITLE, EMPTY_TITLE, indentField, rowHeaderText, valueText, valueTitle } from './grid-cell-text';
import type { GridModel } from './grid-model';
import { modelFromResult } from './grid-model-basic';
import { expandedModel } from './grid-test-models';

const count = { decimals: 0, kind: 'count' } as const;

describe('valueText and valueTitle', () => {
  it('formats values en-GB with the measure decimals, shares with one decimal and a % sign', () => {
    expect(valueText({ value: 1234567, suppressed: false }, count, false)).toBe('1,234,567');
    expect(valueText({ value: 12.345, suppressed: false }, count, true)).toBe('12.3%');
    expect(valueText({ value: 1500, suppressed: false }, count, true)).toBe('1,500.0%');
  });

  it('marks suppressed and empty cells, and says why in the title', () => {
    expect(valueText({ value: null, suppressed: true }, count, true)).toBe('*');
    expect(valueTitle({ value: null, suppressed: true }, count, false, samplePivot.policy)).toMatch(/^Suppressed to protect confidentiality.*Counts of 1 to 7/);
    expect(valueText({ value: null, suppressed: false }, count, false)).toBe('–');
    expect(valueTitle({ value: null, suppressed: false }, count, false, samplePivot.policy)).toBe(EMPTY_TITLE);
    expect(valueTitle({ value: null, suppressed: false }, count, true, samplePivot.policy)).toBe(EMPTY_SHARE_TITLE);
    expect(valueTitle({ value: 3, suppressed: false }, count, false, samplePivot.policy)).toBeUndefined();
  });
});

describe('rowHeaderText', () => {
  it('indents an expanded child and tags its finer level', () => {
    expect(rowHeaderText(expandedModel, 0, 0)).toEqual({ label: 'I Certain infectious diseases', levelLabel: undefined, indent: 0, isRepeat: false, title: 'I Certain infectious diseases' });
    expect(rowHeaderText(expandedModel, 1, 0)).toEqual({
      label: 'A00-A09 Intestinal infectious diseases', levelLabel: 'Block', indent: 1, isRepeat: false, title: 'Block: A00-A09 Intestinal infectious diseases',
    });
    expect(rowHeaderText(expandedModel, 4, 0).label).toBe('Total');
  });

  it('mutes a parent label repeated from the row above, but never the row\'s own member', () => {
    const field = (id: string) => ({ field: id, level: id, label: id, levelLabel: id, drillable: false, showCodes: false, role: null });
    const rows = [
      { codes: ['x'], labels: ['X'], depth: 1 }, { codes: ['x', 'p'], labels: ['X', 'P'], depth: 2 },
      { codes: ['x', 'q'], labels: ['X', 'Q'], depth: 2 }, { codes: ['y', 'q'], labels: ['Y', 'Q'], depth: 2 },
    ];
    const model: GridModel = modelFromResult({ ...samplePivot, rowFields: [field('a'), field('b')], rows, cells: rows.map(() => []) });
    expect([1, 2, 3].map((r) => rowHeaderText(model, r, 0).isRepeat)).toEqual([true, true, false]);
    expect([1, 2, 3].map((r) => rowHeaderText(model, r, 1).isRepeat)).toEqual([false, false, false]);
    // The subtotal row's second column says Total; its label is there for screen readers.
    expect(rowHeaderText(model, 0, 1).label).toBe('Total');
  });

  it('never shows the code of the top-N Other row', () => {
    const other = { ...expandedModel.rows[3]!, key: 'other', codes: ['__other__'], labels: ['Other (12 more)'], kind: 'other' as const };
    const model = { ...expandedModel, rows: [other] };
    expect(rowHeaderText(model, 0, 0).label).toBe('Other (12 more)');
    expect(rowHeaderText({ ...model, rows: [{ ...other, kind: 'leaf' as const }] }, 0, 0).label).toBe('__other__ Other (12 more)');
  });

  it('puts the indent in the column of the field that was expanded', () => {
    expect(expandedModel.rows.map(indentField)).toEqual([0, 0, 0, 0, 0]);
    const child = { ...expandedModel.rows[1]!, codes: ['x', 'A00'], labels: ['X', 'A'], depth: 2, levelLabels: [undefined, 'Block'] };
    expect(indentField(child)).toBe(1);
  });
});
