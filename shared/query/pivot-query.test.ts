import { describe, expect, it } from 'vitest';
import { PivotQuerySchema } from './pivot-query';

const withRange = (low: number, high: number) => PivotQuerySchema.safeParse({
  dataset: 'apc', years: ['2324'], measures: ['fce'], filters: [{ kind: 'range', field: 'startage', low, high }],
});

describe('PivotQuerySchema range filters', () => {
  it('refuses bounds an engine cannot hold exactly, naming the bound', () => {
    for (const [low, high, bound] of [[0, 1e19, 'high'], [-1e19, 5, 'low'], [0, Number.MAX_SAFE_INTEGER + 2, 'high'], [0, Infinity, 'high'], [NaN, 5, 'low']] as const) {
      const parsed = withRange(low, high);
      expect(parsed.success, `${low}…${high}`).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(['filters', 0, bound]);
    }
    expect(withRange(0, 1e19).error!.issues[0]!.message).toBe(`must be a number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`);
  });

  it('accepts any bound within ±(2^53 − 1), fractions included', () => {
    expect(withRange(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).success).toBe(true);
    expect(withRange(18.5, 64.25).success).toBe(true);
  });
});
