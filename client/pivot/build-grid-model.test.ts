import { describe, expect, it } from 'vitest';
import type { PivotResponse } from '../api/api-types';
import type { Expansion } from '../url/workbench-draft';
import { buildGridModel, type ChildResult } from './build-grid-model';
import { expansionKey } from './expansion-query';

// Tables are written as [codes, fce] rows; depth = codes.length; one measure, no column fields.
type Line = [codes: string[], fce: number | '*'];
const field = (f: string, level: string, levelLabel: string, drillable: boolean) =>
  ({ field: f, level, label: f, levelLabel, drillable, showCodes: true, role: null });
const diag = { id: 'diag_01', levels: ['chapter', 'block', 'code3', 'code4'], defaultLevel: 'chapter' };
const sex = { id: 'sex', levels: ['sex'], defaultLevel: 'sex' };
const fields = new Map([[diag.id, diag], [sex.id, sex]]);

function table(rowFields: PivotResponse['rowFields'], lines: Line[], withColumns = false): PivotResponse {
  return {
    dataset: 'apc', years: ['2324'], rowFields, columnFields: withColumns ? [field('sex', 'sex', 'Sex', false)] : [],
    measures: [{ id: 'fce', label: 'FCEs', kind: 'count', unit: 'episodes', decimals: 0 }],
    rows: lines.map(([codes]) => ({ codes, labels: codes.map((c) => `label ${c}`), depth: codes.length })),
    columns: [{ codes: [], labels: [], depth: 0 }],
    cells: lines.map(([, v]) => [[v === '*' ? { value: null, suppressed: true } : { value: v, suppressed: false }]]),
    policy: { id: 'hes-2018', label: 'HES', rules: [], protectionWidth: 4 }, suppressedCount: 0, asOf: '2024-06-01', dataVersion: 'v', notes: [],
  };
}
const ready = (result: PivotResponse): ChildResult => ({ state: 'ready', result });
const build = (base: PivotResponse, expanded: Expansion[], children: [Expansion, ChildResult][], extra: { totals?: boolean; showAs?: 'value' | 'parent' | 'column' } = {}) =>
  buildGridModel({
    base, totals: extra.totals ?? true, showAs: extra.showAs ?? 'value', expanded, fields,
    children: new Map(children.map(([e, c]) => [expansionKey(e), c])),
  });

const chapters = table([field('diag_01', 'chapter', 'Chapter', true)], [[['I'], 100], [['II'], 60], [[], 160]]);
const expandII: Expansion = { codes: ['II'], levels: ['chapter'] };
const blocksOfII = table([field('diag_01', 'block', 'Block', true)], [[['C00-C14'], 20], [['C15-C26'], 40], [[], 60]]);

describe('buildGridModel', () => {
  it('shows every base row, collapsed and expandable, with parents for shares', () => {
    const { model, wanted } = build(chapters, [], []);
    expect(model.rows.map((r) => [r.codes.join('/'), r.kind, r.expand?.state])).toEqual([
      ['I', 'leaf', 'collapsed'], ['II', 'leaf', 'collapsed'], ['', 'total', undefined],
    ]);
    expect(model.rows[0]!.parentKey).toBe('total');
    expect(wanted).toEqual([]);
  });

  it('asks for the children of an expanded member and shows it loading until they come', () => {
    const { model, wanted } = build(chapters, [expandII], []);
    expect(wanted).toEqual([expandII]);
    expect(model.rows[1]!.expand?.state).toBe('loading');
  });

  it('splices the children in beneath their member, one step indented, with the finer level named', () => {
    const { model } = build(chapters, [expandII], [[expandII, ready(blocksOfII)]]);
    expect(model.rows.map((r) => [r.codes.join('/'), r.indent, r.cells[0]![0]!.value])).toEqual([
      ['I', 0, 100], ['II', 0, 60], ['C00-C14', 1, 20], ['C15-C26', 1, 40], ['', 0, 160],
    ]);
    const [ii, block] = [model.rows[1]!, model.rows[2]!];
    expect(ii.expand?.state).toBe('expanded');
    expect(block.parentKey).toBe(ii.key);
    expect(block.levelLabels).toEqual(['Block']);
    expect(block.expand?.state).toBe('collapsed');
  });

  it('replaces an expanded subtotal member\'s own breakdown with its children\'s', () => {
    const rowFields = [field('diag_01', 'chapter', 'Chapter', true), field('sex', 'sex', 'Sex', false)];
    const base = table(rowFields, [[['I'], 100], [['I', '1'], 40], [['I', '2'], 60], [['II'], 60], [['II', '1'], 25], [['II', '2'], 35], [[], 160]]);
    const child = table([field('diag_01', 'block', 'Block', true), rowFields[1]!], [
      [['C00-C14'], 20], [['C00-C14', '1'], 10], [['C00-C14', '2'], 10], [['C15-C26'], 40], [['C15-C26', '1'], 15], [['C15-C26', '2'], 25], [[], 60],
    ]);
    const { model } = build(base, [expandII], [[expandII, ready(child)]]);
    expect(model.rows.map((r) => r.codes.join('/'))).toEqual(['I', 'I/1', 'I/2', 'II', 'C00-C14', 'C00-C14/1', 'C00-C14/2', 'C15-C26', 'C15-C26/1', 'C15-C26/2', '']);
    const byCodes = new Map(model.rows.map((r) => [r.codes.join('/'), r]));
    expect(byCodes.get('C00-C14/1')!.parentKey).toBe(byCodes.get('C00-C14')!.key);
    expect(byCodes.get('C00-C14')!.parentKey).toBe(byCodes.get('II')!.key);
  });

  it('expands a leaf of the last row field under a pinned outer field', () => {
    const rowFields = [field('sex', 'sex', 'Sex', false), field('diag_01', 'chapter', 'Chapter', true)];
    const base = table(rowFields, [[['1'], 70], [['1', 'I'], 45], [['1', 'II'], 25], [['2'], 90], [['2', 'II'], 35], [['2', 'I'], 55], [[], 160]]);
    const expansion: Expansion = { codes: ['1', 'II'], levels: ['sex', 'chapter'] };
    const child = table([rowFields[0]!, field('diag_01', 'block', 'Block', true)], [[['1'], 25], [['1', 'C00-C14'], 10], [['1', 'C15-C26'], 15], [[], 25]]);
    const { model } = build(base, [expansion], [[expansion, ready(child)]]);
    expect(model.rows.map((r) => `${r.codes.join('/')}@${r.indent}`)).toEqual(['1@0', '1/I@0', '1/II@0', '1/C00-C14@1', '1/C15-C26@1', '2@0', '2/II@0', '2/I@0', '@0']);
    expect(model.rows[3]!.parentKey).toBe(model.rows[2]!.key);
  });

  it('computes % of parent against the expanded member, from protected figures', () => {
    const { model } = build(chapters, [expandII], [[expandII, ready(blocksOfII)]], { showAs: 'parent' });
    expect(model.percent).toEqual([true]);
    const shares = model.rows.map((r) => r.cells[0]![0]!.value!);
    [62.5, 37.5, 100 / 3, 200 / 3, 100].forEach((want, i) => expect(shares[i]).toBeCloseTo(want, 9));
  });

  it('computes % of column against the grand total even when totals are hidden', () => {
    const { model } = build(chapters, [], [], { showAs: 'column', totals: false });
    expect(model.rows.map((r) => r.cells[0]![0]!.value)).toEqual([62.5, 37.5]);
  });

  it('keeps suppressed cells suppressed in every show-as', () => {
    const base = table([field('diag_01', 'chapter', 'Chapter', true)], [[['I'], '*'], [['II'], 60], [[], 65]]);
    const { model } = build(base, [], [], { showAs: 'column' });
    expect(model.rows[0]!.cells[0]![0]).toEqual({ value: null, suppressed: true });
  });

  it('marks a failed child fetch on its member and splices nothing', () => {
    const { model } = build(chapters, [expandII], [[expandII, { state: 'error', message: 'timed out' }]]);
    expect(model.rows.map((r) => r.codes.join('/'))).toEqual(['I', 'II', '']);
    expect(model.rows[1]!.expand?.state).toBe('error');
  });

  it('does not offer expansion at a field\'s finest level or for "not recorded"', () => {
    const base = table([field('sex', 'sex', 'Sex', false)], [[['1'], 5], [[''], 5], [[], 10]]);
    expect(build(base, [], []).model.rows.map((r) => r.expand)).toEqual([undefined, undefined, undefined]);
  });
});
