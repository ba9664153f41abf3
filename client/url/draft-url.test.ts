import { describe, expect, it } from 'vitest';
import { linkSearch, parseLink } from './draft-url';
import type { Draft } from './workbench-draft';

const draft: Draft = {
  dataset: 'apc', years: ['2223', '2324'], rows: [{ field: 'admimeth_group' }], columns: [{ field: 'diag_01', level: 'block' }],
  measures: ['fce', 'los_mean'], filters: [{ kind: 'not-in', field: 'sex', codes: ['9'] }], totals: false,
};
const search = (value: unknown) => `?q=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`;

describe('parseLink', () => {
  it('round-trips a draft through the URL', () => {
    expect(parseLink(linkSearch(draft))).toEqual({ draft, dropped: [] });
  });

  it('starts from the defaults when the link has no view', () => {
    expect(parseLink('')).toEqual({ draft: null, dropped: [] });
  });

  it('keeps the valid parts of a damaged link and names what it dropped', () => {
    const { draft: parsed, dropped } = parseLink(search({
      ...draft,
      years: ['2223', '22-23'],
      rows: [{ field: 'admimeth_group' }, { field: 'Bad Field' }],
      measures: ['fce', 7],
      filters: [{ kind: 'between', field: 'age' }],
      colour: 'red',
    }));
    expect(parsed).toEqual({ ...draft, years: ['2223'], measures: ['fce'], filters: [] });
    expect(dropped).toHaveLength(5);
    expect(dropped.join('\n')).toMatch(/"22-23"/);
    expect(dropped.join('\n')).toMatch(/row field 2 \(field "Bad Field"\)/);
    expect(dropped.join('\n')).toMatch(/"colour"/);
  });

  it('drops fields beyond the axis limits', () => {
    const rows = ['a', 'b', 'c', 'd'].map((field) => ({ field }));
    const { draft: parsed, dropped } = parseLink(search({ ...draft, rows }));
    expect(parsed?.rows.map((r) => r.field)).toEqual(['a', 'b', 'c']);
    expect(dropped).toEqual(['row field 4 (field "d"): at most 3 allowed']);
  });

  it('gives up on the whole view only when it cannot tell the dataset', () => {
    expect(parseLink(search('{not json'))).toMatchObject({ draft: null, dropped: [expect.stringMatching(/not readable/)] });
    expect(parseLink(search({ ...draft, dataset: 'hes' }))).toMatchObject({ draft: null, dropped: [expect.stringMatching(/unknown dataset "hes"/)] });
  });
});
