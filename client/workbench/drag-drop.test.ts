import { describe, expect, it } from 'vitest';
import type { Draft } from '../url/workbench-draft';
import { dropEdit, type DragItem } from './drag-drop';

const base: Draft = {
  dataset: 'apc', years: ['2324'], rows: [{ field: 'sex' }, { field: 'diag_01', level: 'block' }], columns: [{ field: 'admimeth_group' }],
  measures: ['fce'], filters: [{ kind: 'in', field: 'ethnos', codes: ['A'] }], totals: true,
};
const apply = (item: DragItem, zone: 'rows' | 'columns' | 'filters' | 'fields', index?: number) => {
  const { edit, filter } = dropEdit(item, { zone, ...(index !== undefined ? { index } : {}) });
  return { draft: edit ? edit(base) : base, filter };
};

describe('drop → edit', () => {
  it('adds a listed field where it is dropped on an axis', () => {
    expect(apply({ field: 'procode3', label: 'Provider', from: 'fields' }, 'rows', 1).draft.rows.map((r) => r.field)).toEqual(['sex', 'procode3', 'diag_01']);
    expect(apply({ field: 'procode3', label: 'Provider', from: 'fields' }, 'columns').draft.columns.map((r) => r.field)).toEqual(['admimeth_group', 'procode3']);
  });

  it('moves a chip between axes keeping its level, and reorders within an axis', () => {
    const moved = apply({ field: 'diag_01', label: 'Diagnosis', from: 'rows' }, 'columns', 0).draft;
    expect(moved.rows).toEqual([{ field: 'sex' }]);
    expect(moved.columns).toEqual([{ field: 'diag_01', level: 'block' }, { field: 'admimeth_group' }]);
    expect(apply({ field: 'sex', label: 'Sex', from: 'rows' }, 'rows', 1).draft.rows.map((r) => r.field)).toEqual(['diag_01', 'sex']);
  });

  it('opens the filter editor for a field dropped on filters, and never puts a number on an axis', () => {
    expect(apply({ field: 'sex', label: 'Sex', from: 'rows' }, 'filters')).toEqual({ draft: base, filter: 'sex' });
    expect(apply({ field: 'startage', label: 'Age', from: 'fields', numeric: true }, 'rows').draft).toBe(base);
  });

  it('removes a chip or a filter dragged back to the field list', () => {
    expect(apply({ field: 'sex', label: 'Sex', from: 'rows' }, 'fields').draft.rows).toEqual([{ field: 'diag_01', level: 'block' }]);
    expect(apply({ field: 'ethnos', label: 'Ethnic category', from: 'filters' }, 'fields').draft.filters).toEqual([]);
  });

  it('refuses a third column', () => {
    const two = { ...base, columns: [{ field: 'a' }, { field: 'b' }] };
    const { edit } = dropEdit({ field: 'c', label: 'C', from: 'fields' }, { zone: 'columns' });
    expect(edit!(two)).toBe(two);
  });
});
