// Writes one A&E year: plan exact strata (TypeScript), load them, COPY the attendance query.

import { planAeYear } from './ae-plan';
import { aeSql } from './ae-sql';
import { distIndex } from './categoricals';
import type { YearOptions } from './apc-write';
import { loadStrata, type Duck } from './duck';
import { isoDate, yearBounds, yearLabel } from './fiscal-years';
import { copyToParquet } from './parquet-copy';
import { serialRange, streamFor } from './sql-common';

const DEP_SHAPE: ReadonlyMap<string, number> = new Map([['01', 0.6], ['02', 1.2], ['03', 1.8], ['04', 1.8]]);

function ambulanceShare(dept: string, disposal: string): number {
  if (disposal === '10') return 0.85;
  if (dept !== '01') return dept === '02' ? 0.02 : 0.03;
  return disposal === '01' ? 0.55 : 0.15;
}

/** Loads the year's strata and returns the SELECT that yields its rows (contract columns). */
export async function prepareAeYear(duck: Duck, opts: YearOptions): Promise<string> {
  const plan = planAeYear(opts.fyear, opts.scale);
  await loadStrata(duck, 'st', [
    ['dept', 'VARCHAR'], ['disp', 'VARCHAR'], ['within', 'INTEGER'], ['off', 'BIGINT'],
    ['dep_shape', 'DOUBLE'], ['p_amb', 'DOUBLE'], ['cat_dist', 'INTEGER'], ['ed', 'INTEGER'],
  ], plan.strata.map((s) => [[
    s.deptType, s.disposal, s.within4h ? 1 : 0, s.offset, DEP_SHAPE.get(s.deptType) ?? 1,
    ambulanceShare(s.deptType, s.disposal),
    distIndex('aeAttendcat', s.deptType === '01' || s.deptType === '02' ? 'major' : 'minor'),
    s.deptType === '01' || s.deptType === '02' ? 1 : 0,
  ], s.n]));
  const b = yearBounds(opts.fyear);
  return aeSql({
    stream: streamFor(opts.seed, 'ae', opts.fyear), fyear: opts.fyear, label: yearLabel(opts.fyear),
    yearStart: isoDate(b.start), yearDays: b.days, serialRange: serialRange(opts.scale), ecds: plan.ecds,
  });
}

export async function writeAeYear(duck: Duck, opts: YearOptions & { path: string }): Promise<number> {
  return copyToParquet(duck, await prepareAeYear(duck, opts), opts.path);
}
