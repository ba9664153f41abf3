// Hand-built GridModels for the grid's unit tests: an ICD-10 chapter expanded to its blocks
// (indent, level tags, disclosure states), shown as percentages.
import type { PivotResponse } from '../api/api-types';
import { samplePivot } from '../test-fixtures/sample-pivot';
import type { GridModel, GridRow } from './grid-model';

const path = { codes: ['I'], levels: ['chapter'] };
const cells = (v: number | null) => samplePivot.columns.map(() => [{ value: v, suppressed: false }]);

export const chapterResult: PivotResponse = {
  ...samplePivot,
  rowFields: [{ field: 'diag_01', level: 'chapter', label: 'Primary diagnosis', levelLabel: 'ICD-10 chapter', drillable: true, showCodes: true, role: null }],
  measures: samplePivot.measures.slice(0, 1),
};

const row = (over: Partial<GridRow> & Pick<GridRow, 'key' | 'codes' | 'labels'>): GridRow => ({
  depth: over.codes.length, kind: 'leaf', indent: 0, levelLabels: [undefined], cells: cells(12.345), ...over,
});

/** Chapter I expanded (two blocks, the first loading its own children), chapter II collapsed. */
export const expandedModel: GridModel = {
  result: chapterResult,
  rows: [
    row({ key: 'I', codes: ['I'], labels: ['Certain infectious diseases'], parentKey: 'total', expand: { field: 0, state: 'expanded', path } }),
    row({ key: 'I/A00', codes: ['A00-A09'], labels: ['Intestinal infectious diseases'], indent: 1, levelLabels: ['Block'], parentKey: 'I',
      expand: { field: 0, state: 'loading', path: { codes: ['A00-A09'], levels: ['block'] } } }),
    row({ key: 'I/A15', codes: ['A15-A19'], labels: ['Tuberculosis'], indent: 1, levelLabels: ['Block'], parentKey: 'I', cells: cells(null) }),
    row({ key: 'II', codes: ['II'], labels: ['Neoplasms'], parentKey: 'total', expand: { field: 0, state: 'error', path: { codes: ['II'], levels: ['chapter'] } } }),
    row({ key: 'total', codes: [], labels: [], kind: 'total', cells: cells(100) }),
  ],
  columns: [0, 1, 2],
  showAs: 'column',
  percent: [true],
};
