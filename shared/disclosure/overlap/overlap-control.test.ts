import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HES_2018 } from '../policy';
import { checkOverlap } from './overlap-control';
import { PublishedHistory, type PublishedCell } from './published-history';
import type { Constraint } from './population';

const YEARS: Constraint = { kind: 'codes', leaves: new Set(['2324']), others: false };
const age = (lo: number, hi: number): Constraint => ({ kind: 'range', lo, hi });
const codes = (...c: string[]): Constraint => ({ kind: 'codes', leaves: new Set(c), others: false });
const cell = (fields: Record<string, Constraint>, fce: number): PublishedCell =>
  ({ population: new Map([['fyear', YEARS], ...Object.entries(fields)]), counts: new Map([['fce', fce]]) });

function historyOf(...tables: PublishedCell[][]) {
  const h = new PublishedHistory(HES_2018.overlap);
  tables.forEach((t, i) => h.record(t, i));
  return h;
}
const flagged = (fresh: PublishedCell[], h: PublishedHistory) => [...checkOverlap(fresh, h, HES_2018).suppress.keys()].sort();

describe('overlap control', () => {
  it('suppresses a cell whose population differs from a remembered one by 1–7 records (with and without a narrow filter)', () => {
    const h = historyOf([cell({ sex: codes('1') }, 100)]);
    expect(flagged([cell({ sex: codes('1'), startage: age(19, 120) }, 95)], h)).toEqual([0]);
    expect(flagged([cell({ sex: codes('1'), startage: age(19, 120) }, 92)], h)).toEqual([]); // 8 records: not small
    expect(flagged([cell({ sex: codes('1'), startage: age(19, 120) }, 100)], h)).toEqual([]); // nobody aged 0–18
  });

  it('catches a code list with one code more, and the other way round', () => {
    const h = historyOf([cell({ diag_01: codes('A', 'B', 'C') }, 50)]);
    expect(flagged([cell({ diag_01: codes('A', 'B') }, 47)], h)).toEqual([0]);
    const h2 = historyOf([cell({ diag_01: codes('A', 'B') }, 47)]);
    expect(flagged([cell({ diag_01: codes('A', 'B', 'C') }, 50)], h2)).toEqual([0]);
  });

  it('catches a three-query tracker that no pair reveals: 18–60 minus 19–40 minus 41–60', () => {
    const h = historyOf([cell({ startage: age(18, 60) }, 200)], [cell({ startage: age(19, 40) }, 120)]);
    expect(flagged([cell({ startage: age(41, 60) }, 75)], h)).toEqual([0]); // age 18: 5
    expect(flagged([cell({ startage: age(41, 60) }, 60)], h)).toEqual([]); // age 18: 20
  });

  it('leaves alone what the new table shows by itself (siblings and their total: secondary suppression protects those)', () => {
    const h = historyOf([cell({ diag_01: codes('X') }, 500)]);
    const fresh = [cell({ sex: codes('1') }, 10), cell({ sex: codes('2') }, 3), cell({}, 13)];
    expect(flagged(fresh, h)).toEqual([]);
  });

  it('compares only cells that differ in one field', () => {
    const h = historyOf([cell({ sex: codes('1'), startage: age(18, 120) }, 100)]);
    expect(flagged([cell({ sex: codes('2'), startage: age(19, 120) }, 99)], h)).toEqual([]);
  });

  it('finds the difference whatever the order of remembered tables and new cells (random paddings)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 20, max: 100 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 7 }), (paddings, target) => {
      // Records aged 18: `target`; ages 19–h: 10 per year of age. Tables 18–h answered before.
      const h = historyOf(...paddings.map((p) => [cell({ startage: age(18, p) }, target + 10 * (p - 18))]));
      const p = paddings[0]!;
      expect(flagged([cell({ startage: age(19, p) }, 10 * (p - 18))], h)).toEqual([0]);
    }));
  });
});

describe('overlap control and repeats', () => {
  it('lets the same table be asked again, and a table whose own margin differs by a few records from its own cell', () => {
    // Maternity: 500 episodes, 498 women, 2 of sex not known (suppressed in the table itself).
    const table = [cell({ group: codes('M') }, 500), cell({ group: codes('M'), sex: codes('2') }, 498)];
    const h = historyOf(table);
    expect(flagged(table, h)).toEqual([]);
    // Asked another way (a filter instead of a row): the same populations, nothing new.
    expect(flagged([cell({ group: codes('M'), sex: codes('2') }, 498), cell({ group: codes('M') }, 500)], h)).toEqual([]);
    // But a new population 2 records off a remembered one is caught.
    expect(flagged([cell({ group: codes('M'), sex: codes('2', '1') }, 498)], h)).toEqual([0]);
  });
});
