import { describe, expect, it } from 'vitest';
import { asMonthRun, monthsBetween } from './period-range';

const months = ['2023-04', '2023-05', '2023-06', '2023-07'].map((code) => ({ code, label: code }));

describe('period ranges', () => {
  it('lists the months between two months, inclusive, and nothing backwards', () => {
    expect(monthsBetween(months, '2023-05', '2023-07')).toEqual(['2023-05', '2023-06', '2023-07']);
    expect(monthsBetween(months, '2023-07', '2023-05')).toEqual([]);
  });
  it('reads a run of consecutive months back as a range, in any order, and nothing else', () => {
    expect(asMonthRun(months, ['2023-06', '2023-04', '2023-05'])).toEqual({ from: months[0], to: months[2] });
    expect(asMonthRun(months, ['2023-04', '2023-06'])).toBeUndefined();
    expect(asMonthRun(months, ['2023-04'])).toBeUndefined();
  });
});
