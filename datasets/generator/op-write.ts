// Writes one OP year: plan courses and outcome quotas (TypeScript), load the strata, COPY the
// appointment query to Parquet. Returns the number of rows written.

import type { YearOptions } from './apc-write';
import { loadStrata, type Duck } from './duck';
import { isoDate, yearBounds, yearLabel } from './fiscal-years';
import { planOpYear } from './op-plan';
import { opSql } from './op-sql';
import { copyToParquet } from './parquet-copy';
import { serialRange, streamFor } from './sql-common';

/** Loads the year's strata and returns the SELECT that yields its rows (contract columns). */
export async function prepareOpYear(duck: Duck, opts: YearOptions): Promise<string> {
  const plan = planOpYear(opts.fyear, opts.scale, opts.seed);
  await loadStrata(duck, 'st', [['len', 'INTEGER'], ['course_off', 'BIGINT'], ['fu_off', 'BIGINT']],
    plan.strata.map((s) => [[s.length, s.courseOffset, s.followUpOffset], s.courses]));
  const b = yearBounds(opts.fyear);
  return opSql({
    stream: streamFor(opts.seed, 'op', opts.fyear), fyear: opts.fyear, label: yearLabel(opts.fyear),
    yearStart: isoDate(b.start), yearEnd: isoDate(b.end), yearDays: b.days, serialRange: serialRange(opts.scale), plan,
  });
}

export async function writeOpYear(duck: Duck, opts: YearOptions & { path: string }): Promise<number> {
  return copyToParquet(duck, await prepareOpYear(duck, opts), opts.path);
}
