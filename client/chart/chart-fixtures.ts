// Pivot results of the shapes the chart code tells apart (time series, long labels, regions,
// ICBs, many columns), built from a compact description so each test states only what matters.
import type { PivotResponse } from '../api/api-types';
import { REGIONS } from '../../datasets/reference/geography';
import { ICBS, NHS_REGIONS } from '../../datasets/reference/providers';

type AxisField = PivotResponse['rowFields'][number];
type Measure = PivotResponse['measures'][number];
type Role = AxisField['role'];
export interface Member { readonly code: string; readonly label: string }
/** A cell's content: a number, 'suppressed', or null for no records. */
export type CellSpec = number | 'suppressed' | null;

export const axisField = (field: string, role: Role = null, label = field): AxisField =>
  ({ field, level: field, label, levelLabel: label, drillable: false, showCodes: false, role });

const MEASURES: ReadonlyMap<Measure['kind'], Measure> = new Map<Measure['kind'], Measure>([
  ['count', { id: 'fce', label: 'Finished consultant episodes', kind: 'count', unit: 'episodes', decimals: 0 }],
  ['sum', { id: 'bed_days', label: 'Bed days', kind: 'sum', unit: 'days', decimals: 0 }],
  ['statistic', { id: 'los_mean', label: 'Mean length of stay (days)', kind: 'statistic', unit: 'spells', decimals: 1 }],
  ['ratio', { id: 'pct_emergency', label: 'Emergency admissions (%)', kind: 'ratio', unit: '%', decimals: 1 }],
]);

interface Spec {
  readonly rowField: AxisField;
  readonly rows: readonly Member[];
  readonly columnField?: AxisField;
  readonly columns?: readonly Member[];
  readonly measure?: Measure['kind'];
  /** Defaults to a distinct count per cell: 100 × (row + 1) + column. */
  readonly value?: (row: number, column: number) => CellSpec;
}

/** One row field (and optionally one column field), with totals, as the server sends them. */
export function pivotFixture(spec: Spec): PivotResponse {
  const value = spec.value ?? ((r: number, c: number) => 100 * (r + 1) + c);
  const columns = spec.columnField ? (spec.columns ?? []) : [];
  const cell = (v: CellSpec) => (v === 'suppressed' ? { value: null, suppressed: true } : { value: v, suppressed: false });
  const total = { value: 999_999, suppressed: false };
  const rowCells = (r: number) => [...columns.map((_, c) => [cell(value(r, c))]), [total]];
  return {
    dataset: 'apc',
    years: ['2324'],
    rowFields: [spec.rowField],
    columnFields: spec.columnField ? [spec.columnField] : [],
    measures: [MEASURES.get(spec.measure ?? 'count') ?? { id: 'x', label: 'x', kind: 'count', unit: '', decimals: 0 }],
    rows: [...spec.rows.map((m) => ({ codes: [m.code], labels: [m.label], depth: 1 })), { codes: [], labels: [], depth: 0 }],
    columns: [...columns.map((m) => ({ codes: [m.code], labels: [m.label], depth: 1 })), { codes: [], labels: [], depth: 0 }],
    // With no column fields the only column is the total, which then holds the row's value.
    cells: [...spec.rows.map((_, r) => (spec.columnField ? rowCells(r) : [[cell(value(r, 0))]])), columns.map(() => [total]).concat([[total]])],
    policy: { id: 'hes-2018', label: 'HES disclosure control (2018)', rules: ['Counts of 1 to 7 are suppressed (*).'], protectionWidth: 4 },
    suppressedCount: 0,
    asOf: '2024-03-31',
    dataVersion: 'test',
    notes: [],
  };
}

export const members = (count: number, label: (i: number) => string = (i) => `Item ${i + 1}`): Member[] =>
  Array.from({ length: count }, (_, i) => ({ code: String(i + 1).padStart(2, '0'), label: label(i) }));

export const YEARS: readonly Member[] = ['1920', '2021', '2122', '2223', '2324'].map((code) => ({ code, label: `20${code.slice(0, 2)}-${code.slice(2)}` }));
export const MONTHS: readonly Member[] = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']
  .map((label, i) => ({ code: String(i + 1), label }));
export const SEXES: readonly Member[] = [{ code: '1', label: 'Male' }, { code: '2', label: 'Female' }];

/** ICD-10 chapter-like labels: long, as in the real classification. */
export const CHAPTERS: readonly Member[] = members(6, (i) => [
  'Certain infectious and parasitic diseases', 'Neoplasms', 'Diseases of the blood and blood-forming organs',
  'Endocrine, nutritional and metabolic diseases', 'Mental and behavioural disorders', 'Diseases of the nervous system',
][i] ?? '');

/** The nine ONS regions, then Wales (a pseudo code with no tile). */
export const ONS_REGIONS: readonly Member[] = [...REGIONS.map((r) => ({ code: r.code, label: r.name })), { code: 'W99999999', label: 'Wales' }];
export const NHS_REGION_MEMBERS: readonly Member[] = NHS_REGIONS.map((r) => ({ code: r.code, label: r.name }));
export const ICB_MEMBERS: readonly Member[] = ICBS.map((icb) => ({ code: icb.code, label: icb.name }));
export const ICB_PARENTS: ReadonlyMap<string, string> = new Map(ICBS.map((icb) => [icb.code, icb.region]));
