// Generator options: defaults, normalisation and typed rejection of bad input.

import { describe, expect, it } from 'vitest';
import { DEFAULT_YEARS, GeneratorOptionsError, resolveOptions } from './options';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof GeneratorOptionsError) return e.field;
    throw e;
  }
  return undefined;
};

describe('resolveOptions', () => {
  it('fills the defaults', () => {
    const r = resolveOptions({ dataDir: '/tmp/x' });
    expect(r).toMatchObject({ seed: 20240331, scale: 0.01, years: DEFAULT_YEARS, datasets: ['apc', 'op', 'ae'] });
  });

  it('sorts and de-duplicates years and orders datasets', () => {
    const r = resolveOptions({ dataDir: 'd', years: ['2324', '1920', '2324'], datasets: ['ae', 'apc'] });
    expect(r.years).toEqual(['1920', '2324']);
    expect(r.datasets).toEqual(['apc', 'ae']);
  });

  it('rejects bad options with a typed error naming the field', () => {
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', scale: 0 }))).toBe('scale');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', scale: -1 }))).toBe('scale');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', scale: 2.5 }))).toBe('scale');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', scale: Number.NaN }))).toBe('scale');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', years: ['1213'] }))).toBe('years');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', years: ['2425'] }))).toBe('years');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', years: [] }))).toBe('years');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', datasets: ['ecds' as 'ae'] }))).toBe('datasets');
    expect(fieldOf(() => resolveOptions({ dataDir: 'd', seed: 1.5 }))).toBe('seed');
    expect(fieldOf(() => resolveOptions({ dataDir: '' }))).toBe('dataDir');
    expect(() => resolveOptions({ dataDir: 'd', years: ['1213'] })).toThrow(/not available; choose from 1314/);
  });

  it('accepts the edges of the valid ranges', () => {
    expect(resolveOptions({ dataDir: 'd', scale: 2, years: ['1314', '2324'] }).scale).toBe(2);
  });
});
