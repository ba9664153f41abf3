// Code search over a tiny hand-made catalogue: matching rules, ranking, limits and errors.
import { describe, expect, it } from 'vitest';
import { UnknownFieldError, UnknownLevelError } from '../errors/domain-error';
import type { Catalogue, CodeList, Dataset } from './catalogue-types';
import { indexDataset } from './dataset-index';
import { searchCodes } from './search-codes';

const lists: CodeList[] = [
  { id: 'ch', label: 'Chapter', codes: [{ code: 'X', label: 'Diseases of the respiratory system' }] },
  { id: 'c3', label: '3-char', codes: [
    { code: 'J18', label: 'Pneumonia, organism unspecified', parent: 'X' },
    { code: 'J45', label: 'Asthma', parent: 'X' },
  ] },
  { id: 'c4', label: '4-char', codes: [
    { code: 'J181', label: 'Lobar pneumonia, unspecified', parent: 'J18' },
    { code: 'J189', label: 'Pneumonia, unspecified', parent: 'J18' },
    { code: 'J450', label: 'Predominantly allergic asthma', parent: 'J45' },
    { code: 'R69X', label: 'Unknown and unspecified causes of morbidity', unknown: true },
  ] },
];

const dataset: Dataset = {
  id: 'apc', label: 'APC', description: 'test', table: 'apc', years: ['2324'], baseWhere: null,
  recordKey: 'epikey', defaultMeasure: 'fce',
  measures: [{ id: 'fce', label: 'FCEs', description: 'd', unit: 'episodes', decimals: 0, kind: 'count', where: null }],
  fields: [
    {
      id: 'diag_01', label: 'Primary diagnosis', description: 'd', group: 'Clinical', type: 'code', defaultLevel: 'chapter',
      levels: [
        { id: 'chapter', label: 'Chapter', sql: 'c', codeList: 'ch' },
        { id: 'code3', label: '3', sql: 'c3', codeList: 'c3' },
        { id: 'code4', label: '4', sql: 'c4', codeList: 'c4' },
      ],
    },
    { id: 'speldur', label: 'LOS', description: 'd', group: 'Discharge', type: 'number', sql: 'speldur', unit: 'days', min: 0, max: 10 },
  ],
};
const catalogue: Catalogue = { datasets: new Map([['apc', dataset]]), codeLists: new Map(lists.map((l) => [l.id, l])) };
const codes = (text: string, opts?: { level?: string; limit?: number }) =>
  searchCodes(catalogue, 'apc', 'diag_01', text, opts).map((h) => h.code);

describe('searchCodes', () => {
  it('ranks an exact code before code prefixes', () => {
    expect(codes('J18')).toEqual(['J18', 'J181', 'J189']);
  });

  it('ignores dots, spaces and case in codes', () => {
    expect(codes('j18.1')).toEqual(['J181']);
    expect(codes(' J 18.9 ')).toEqual(['J189']);
  });

  it('needs every query word as a word prefix of the label, coarser levels first', () => {
    expect(codes('pneumonia')).toEqual(['J18', 'J181', 'J189']);
    expect(codes('pneu unspec')).toEqual(['J18', 'J181', 'J189']);
    expect(codes('lobar pneumonia')).toEqual(['J181']);
    expect(codes('monia')).toEqual([]); // not a word prefix
    expect(codes('respiratory')).toEqual(['X']);
  });

  it('returns parent labels coarsest first', () => {
    const [hit] = searchCodes(catalogue, 'apc', 'diag_01', 'J450');
    expect(hit).toEqual({
      field: 'diag_01', level: 'code4', code: 'J450', label: 'Predominantly allergic asthma',
      parentLabels: ['Diseases of the respiratory system', 'Asthma'],
    });
  });

  it('restricts to one level and honours the limit', () => {
    expect(codes('asthma', { level: 'code4' })).toEqual(['J450']);
    expect(codes('J', { limit: 2 })).toEqual(['J18', 'J45']);
  });

  it('returns nothing for blank text or a number field', () => {
    expect(codes('   ')).toEqual([]);
    expect(searchCodes(catalogue, 'apc', 'speldur', 'x')).toEqual([]);
  });

  it('throws typed errors for an unknown field or level', () => {
    expect(() => searchCodes(catalogue, 'apc', 'nope', 'x')).toThrow(UnknownFieldError);
    expect(() => searchCodes(catalogue, 'apc', 'constructor', 'x')).toThrow(UnknownFieldError);
    expect(() => codes('x', { level: 'block' })).toThrow(UnknownLevelError);
  });
});

describe('indexDataset', () => {
  it('finds by id through Maps and returns undefined otherwise (no prototype keys)', () => {
    const index = indexDataset(dataset);
    const field = index.fields.get('diag_01');
    expect(field?.id).toBe('diag_01');
    expect(index.fields.get('toString')).toBeUndefined();
    expect(index.fields.get('constructor')).toBeUndefined();
    expect(field?.type === 'code' && index.level(field, 'code3')?.codeList).toBe('c3');
    expect(field?.type === 'code' && index.level(field, 'block')).toBeUndefined();
    expect(index.measures.get('fce')?.kind).toBe('count');
    expect(index.measures.get('fae')).toBeUndefined();
  });
});
