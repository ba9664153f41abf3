import { describe, expect, it } from 'vitest';
import type { DatasetResponse } from '../api/api-types';
import { reconcileDraft } from './reconcile-draft';
import type { Draft } from './workbench-draft';

const view: DatasetResponse = {
  id: 'apc', label: 'Admitted patient care', description: 'APC', defaultMeasure: 'fce',
  years: [{ code: '2223', label: '2022-23' }, { code: '2324', label: '2023-24' }],
  fields: [
    { type: 'code', id: 'sex', label: 'Sex', description: 'Sex', group: 'Patient', defaultLevel: 'sex', multiValued: false,
      levels: [{ id: 'sex', label: 'Sex', codeCount: 2, role: null, codes: [{ code: '1', label: 'Male' }, { code: '2', label: 'Female' }] }] },
    { type: 'number', id: 'startage', label: 'Age', description: 'Age', group: 'Patient', unit: 'years', min: 0, max: 120 },
  ],
  measures: [{ id: 'fce', label: 'FCEs', description: 'FCEs', kind: 'count', unit: 'episodes', decimals: 0 }],
};

describe('reconcileDraft', () => {
  it('leaves a valid draft untouched', () => {
    const draft: Draft = { dataset: 'apc', years: ['2324'], rows: [{ field: 'sex' }], columns: [], measures: ['fce'], filters: [], totals: true };
    expect(reconcileDraft(draft, view)).toEqual({ draft, dropped: [] });
  });

  it('drops what the dataset does not have and keeps the rest', () => {
    const draft: Draft = {
      dataset: 'apc', years: ['1011', '2324'], rows: [{ field: 'sex', level: 'nope' }, { field: 'startage' }], columns: [{ field: 'ghost' }],
      measures: ['fce', 'gone'], filters: [{ kind: 'in', field: 'startage', codes: ['1'] }, { kind: 'range', field: 'startage', low: 0, high: 17 }], totals: true,
    };
    const { draft: next, dropped } = reconcileDraft(draft, view);
    expect(next).toEqual({ ...draft, years: ['2324'], rows: [{ field: 'sex' }], columns: [], measures: ['fce'], filters: [draft.filters[1]] });
    expect(dropped).toHaveLength(6);
  });
});
