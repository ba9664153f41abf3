// Writes one OP year: plan courses and outcome quotas (TypeScript), load the strata, COPY the
// appointment query to Parquet. Returns the number of rows written.

import { loadRows, type Duck } from './duck';
import { isoDate, yearBounds, yearLabel } from './fiscal-years';
import { planOpYear } from './op-plan';
import { opSql } from './op-sql';
import { copyToParquet } from './parquet-copy';
import { serialRange, streamFor } from './sql-common';

export async function writeOpYear(duck: Duck, opts: { fyear: string; seed: number; scale: number; path: string }): Promise<number> {
  const plan = planOpYear(opts.fyear, opts.scale, opts.seed);
  await loadRows(duck.connection, 'st', [['len', 'INTEGER'], ['n', 'BIGINT'], ['course_off', 'BIGINT'], ['fu_off', 'BIGINT']],
    plan.strata.map((s) => [s.length, s.courses, s.courseOffset, s.followUpOffset]));
  const b = yearBounds(opts.fyear);
  const sql = opSql({
    stream: streamFor(opts.seed, 'op', opts.fyear), fyear: opts.fyear, label: yearLabel(opts.fyear),
    yearStart: isoDate(b.start), yearEnd: isoDate(b.end), yearDays: b.days, serialRange: serialRange(opts.scale), plan,
  });
  return copyToParquet(duck, sql, opts.path);
}
