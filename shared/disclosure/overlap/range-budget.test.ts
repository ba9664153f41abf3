import { describe, expect, it } from 'vitest';
import { DisclosureRefusedError } from '../../errors/domain-error';
import { PivotQuerySchema } from '../../query/pivot-query';
import { TEST_CATALOGUE } from '../../sql/test-catalogue';
import { HES_2018 } from '../policy';
import { spendBounds, type BoundsUsed } from './range-budget';

const apc = TEST_CATALOGUE.datasets.get('apc')!;
const ages = (low: number, high: number) => PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], measures: ['fce'], filters: [{ kind: 'range', field: 'startage', low, high }] });
const DAY = 24 * 60 * 60 * 1000;

describe('range-filter bounds cap', () => {
  it('answers up to 12 different bounds of a field a day, refuses the 13th with a message, and lets used bounds through', () => {
    const used: BoundsUsed = new Map();
    for (let h = 30; h < 41; h++) spendBounds(used, ages(18, h), apc, HES_2018.overlap, 0); // 18 and 30…40: 12 bounds
    expect(() => spendBounds(used, ages(18, 42), apc, HES_2018.overlap, 1)).toThrow(DisclosureRefusedError);
    expect(() => spendBounds(used, ages(18, 42), apc, HES_2018.overlap, 1)).toThrow(/at most 12 different bounds of "Age at start of episode"/);
    expect(() => spendBounds(used, ages(30, 40), apc, HES_2018.overlap, 2)).not.toThrow();
    // The field's own ends are not cut-offs, and 18.5 is the bound 19.
    expect(() => spendBounds(used, ages(0, 120), apc, HES_2018.overlap, 3)).not.toThrow();
    expect(() => spendBounds(used, ages(17.5, 40), apc, HES_2018.overlap, 4)).not.toThrow(); // 17.5 is 18, used
    expect(() => spendBounds(used, ages(18.5, 40), apc, HES_2018.overlap, 4)).toThrow(DisclosureRefusedError); // 19 is new
    // A day later the old bounds are forgotten.
    expect(() => spendBounds(used, ages(50, 60), apc, HES_2018.overlap, DAY + 5)).not.toThrow();
  });
});
