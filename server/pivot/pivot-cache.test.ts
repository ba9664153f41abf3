import { describe, expect, it } from 'vitest';
import type { PivotQuery } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import { PivotCache, pivotCacheKey, type CachedPivot } from './pivot-cache';

const result = (rows: number): CachedPivot => ({ result: table(rows) });
const table = (rows: number): PivotResult => ({
  dataset: 'apc', years: ['2324'], rowFields: [], columnFields: [], measures: [{ id: 'fce', label: 'FCE', kind: 'count', unit: 'episodes', decimals: 0 }],
  rows: Array.from({ length: rows }, (_, i) => ({ codes: [String(i)], labels: [String(i)], depth: 1 })), columns: [{ codes: [], labels: [], depth: 0 }],
  cells: Array.from({ length: rows }, () => [[{ value: 5, suppressed: false }]]),
  policy: { id: 'p', label: 'p', rules: [], protectionWidth: 4 }, suppressedCount: 0, asOf: '2024-01-01', dataVersion: 'v1', notes: [],
});
const query = (measure: string): PivotQuery => ({ dataset: 'apc', years: ['2324'], rows: [], columns: [], measures: [measure], filters: [], totals: true, other: false });

describe('pivot cache', () => {
  it('keys by query, access scope and data version', () => {
    const keys = new Set([
      pivotCacheKey(query('fce'), 'all', 'v1'), pivotCacheKey(query('fae'), 'all', 'v1'),
      pivotCacheKey(query('fce'), 'agreement:7', 'v1'), pivotCacheKey(query('fce'), 'all', 'v2'),
    ]);
    expect(keys.size).toBe(4);
    expect(pivotCacheKey(query('fce'), 'all', 'v1')).toBe(pivotCacheKey(query('fce'), 'all', 'v1'));
  });

  it('evicts the least recently used entry past its entry limit', () => {
    const cache = new PivotCache<CachedPivot>({ maxEntries: 2, maxCells: 1_000 });
    cache.set('a', result(1)); cache.set('b', result(1));
    expect(cache.get('a')).toBeDefined();
    cache.set('c', result(1));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('bounds the cells it holds and refuses a result bigger than the bound', () => {
    const cache = new PivotCache<CachedPivot>({ maxEntries: 100, maxCells: 10 });
    cache.set('big', result(11));
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', result(6)); cache.set('b', result(6));
    expect(cache.stats().cells).toBeLessThanOrEqual(10);
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, cells: 0 });
  });
});
