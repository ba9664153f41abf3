// Writes one APC year: plan the strata (TypeScript), load them, run the episode SQL and COPY
// the rows to Parquet. Returns the number of rows written.

import { apcSelectList } from './apc-columns';
import { apcEpisodesSql } from './apc-sql';
import { planApcYear } from './apc-strata';
import { APC_STRATA_COLUMNS, apcStratumRow } from './apc-strata-table';
import { loadRows, type Duck } from './duck';
import { isoDate, yearBounds, yearLabel } from './fiscal-years';
import { copyToParquet } from './parquet-copy';
import { serialRange, streamFor } from './sql-common';

export async function writeApcYear(duck: Duck, opts: { fyear: string; seed: number; scale: number; path: string }): Promise<number> {
  const plan = planApcYear(opts.fyear, opts.scale, opts.seed);
  await loadRows(duck.connection, 'st', APC_STRATA_COLUMNS, plan.strata.map((s) => apcStratumRow(s, opts.fyear)));
  const b = yearBounds(opts.fyear);
  const episodes = apcEpisodesSql({
    stream: streamFor(opts.seed, 'apc', opts.fyear),
    yearStart: isoDate(b.start), yearEnd: isoDate(b.end), yearDays: b.days,
    serialRange: serialRange(opts.scale),
  });
  const sql = `SELECT ${apcSelectList(opts.fyear, yearLabel(opts.fyear))} FROM (${episodes}) AS e, lk`;
  return copyToParquet(duck, sql, opts.path);
}
