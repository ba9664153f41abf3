import { describe, expect, it } from 'vitest';
import { draftQuery, type Draft } from '../url/workbench-draft';
import { breadcrumbs, drillInto, drillUpTo, keepValidExpansions, setShowAs, setTopN, toggleExpansion } from './view-edits';

const diag = { id: 'diag_01', levels: ['chapter', 'block', 'code3', 'code4'], defaultLevel: 'chapter' };
const base: Draft = { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce'], filters: [], totals: true };

describe('drill into and back up', () => {
  const once = drillInto(base, 'rows', 0, diag, 'II', 'Neoplasms');
  const twice = drillInto(once, 'rows', 0, diag, 'C15-C26', 'Digestive organs');

  it('filters to the member and shows the next level down', () => {
    expect(once.rows).toEqual([{ field: 'diag_01', level: 'block' }]);
    expect(draftQuery(once).filters).toEqual([{ kind: 'in', field: 'diag_01', level: 'chapter', codes: ['II'] }]);
    expect(twice.rows).toEqual([{ field: 'diag_01', level: 'code3' }]);
    expect(breadcrumbs(twice)).toEqual([{ field: 'diag_01', steps: twice.drill }]);
  });

  it('goes back up to any crumb, restoring that level and dropping later steps', () => {
    const up = drillUpTo(twice, 'diag_01', 1);
    expect(up.rows).toEqual([{ field: 'diag_01', level: 'block' }]);
    expect(up.drill).toEqual(once.drill);
    const top = drillUpTo(twice, 'diag_01', 0);
    expect(top.rows).toEqual([{ field: 'diag_01', level: 'chapter' }]);
    expect(top.drill).toBeUndefined();
    expect(draftQuery(top).filters).toEqual([]);
  });

  it('does nothing at the finest level', () => {
    const finest = { ...base, rows: [{ field: 'diag_01', level: 'code4' }] };
    expect(drillInto(finest, 'rows', 0, diag, 'C180', 'Caecum')).toBe(finest);
  });
});

describe('expansions', () => {
  const e = { codes: ['II'], levels: ['chapter'] };
  it('toggles a member open and shut', () => {
    const open = toggleExpansion(base, e);
    expect(open.expanded).toEqual([e]);
    expect(toggleExpansion(open, e).expanded).toBeUndefined();
  });
  it('are dropped when the rows change shape but kept for other edits', () => {
    const open = toggleExpansion(base, e);
    expect(keepValidExpansions(open, { ...open, measures: ['fce', 'fae'] }).expanded).toEqual([e]);
    expect(keepValidExpansions(open, { ...open, rows: [{ field: 'diag_01', level: 'block' }] }).expanded).toBeUndefined();
  });
});

describe('sorting by one column', () => {
  it('falls back to the total column when the columns may have changed', () => {
    const sorted: Draft = { ...base, sort: { by: 'measure', measure: 'fce', direction: 'desc', column: ['1'] } };
    expect(keepValidExpansions(sorted, { ...sorted, measures: ['fce', 'fae'] }).sort).toEqual(sorted.sort);
    expect(keepValidExpansions(sorted, { ...sorted, filters: [{ kind: 'in', field: 'sex', codes: ['2'] }] }).sort)
      .toEqual({ by: 'measure', measure: 'fce', direction: 'desc' });
  });
});

describe('view options', () => {
  it('keeps the URL short: defaults are left out', () => {
    expect(setShowAs(setShowAs(base, 'column'), 'value')).toEqual(base);
    expect(setTopN(base, 10, true)).toMatchObject({ limit: 10, other: true });
    expect(setTopN(setTopN(base, 10, true), undefined, false)).toEqual(base);
  });
  it('always asks the server for totals (shares need them) and sends "other" only with a limit', () => {
    expect(draftQuery({ ...base, totals: false }).totals).toBe(true);
    expect(draftQuery({ ...base, other: true })).not.toHaveProperty('other');
  });
});
