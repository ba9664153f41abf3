import { describe, expect, it } from 'vitest';
import type { Sort } from '../../shared/query/pivot-query';
import { ariaSort, labelSortDirection, measureSortDirection, nextLabelSort, nextMeasureSort } from './grid-sort';

describe('sorting from the headers', () => {
  it('cycles a measure column: largest first, then smallest first, then unsorted', () => {
    const first = nextMeasureSort(undefined, 'fce', ['1']);
    expect(first).toEqual({ by: 'measure', measure: 'fce', column: ['1'], direction: 'desc' });
    const second = nextMeasureSort(first, 'fce', ['1']);
    expect(second).toEqual({ by: 'measure', measure: 'fce', column: ['1'], direction: 'asc' });
    expect(nextMeasureSort(second, 'fce', ['1'])).toBeUndefined();
  });

  it('leaves the column out for the total column, and matches either spelling of it', () => {
    expect(nextMeasureSort(undefined, 'fce', [])).toEqual({ by: 'measure', measure: 'fce', direction: 'desc' });
    expect(measureSortDirection({ by: 'measure', measure: 'fce', direction: 'asc' }, 'fce', [])).toBe('asc');
    expect(measureSortDirection({ by: 'measure', measure: 'fce', column: [], direction: 'asc' }, 'fce', [])).toBe('asc');
  });

  it('starts afresh on another column or measure', () => {
    const byMale: Sort = { by: 'measure', measure: 'fce', column: ['1'], direction: 'desc' };
    expect(measureSortDirection(byMale, 'fce', ['2'])).toBeUndefined();
    expect(measureSortDirection(byMale, 'fce', [])).toBeUndefined();
    expect(measureSortDirection(byMale, 'los_mean', ['1'])).toBeUndefined();
    expect(nextMeasureSort(byMale, 'fce', ['2'])).toEqual({ by: 'measure', measure: 'fce', column: ['2'], direction: 'desc' });
    expect(nextMeasureSort({ by: 'label', direction: 'asc' }, 'fce', ['1'])?.direction).toBe('desc');
  });

  it('cycles labels A to Z, Z to A, then unsorted', () => {
    expect(nextLabelSort(undefined)).toEqual({ by: 'label', direction: 'asc' });
    expect(nextLabelSort({ by: 'label', direction: 'asc' })).toEqual({ by: 'label', direction: 'desc' });
    expect(nextLabelSort({ by: 'label', direction: 'desc' })).toBeUndefined();
    expect(nextLabelSort({ by: 'measure', measure: 'fce', direction: 'desc' })).toEqual({ by: 'label', direction: 'asc' });
    expect(labelSortDirection({ by: 'code', direction: 'asc' })).toBeUndefined();
  });

  it('names the direction for aria-sort', () => {
    expect([ariaSort('asc'), ariaSort('desc'), ariaSort(undefined)]).toEqual(['ascending', 'descending', undefined]);
  });
});
