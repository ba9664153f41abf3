// Writes one APC year: plan the strata (TypeScript), load them, run the episode SQL and COPY
// the rows to Parquet. Returns the number of rows written.

import { apcSelectList } from './apc-columns';
import { apcEpisodesSql } from './apc-sql';
import { planApcYear } from './apc-strata';
import { APC_STRATA_COLUMNS, apcStratumRow } from './apc-strata-table';
import { loadStrata, type Duck } from './duck';
import { isoDate, yearBounds, yearLabel } from './fiscal-years';
import { copyToParquet } from './parquet-copy';
import { serialRange, streamFor } from './sql-common';

export interface YearOptions { readonly fyear: string; readonly seed: number; readonly scale: number }

/** Loads the year's strata and returns the SELECT that yields its rows (contract columns). */
export async function prepareApcYear(duck: Duck, opts: YearOptions): Promise<string> {
  const plan = planApcYear(opts.fyear, opts.scale, opts.seed);
  await loadStrata(duck, 'st', APC_STRATA_COLUMNS, plan.strata.map((s) => [apcStratumRow(s, opts.fyear), s.n]));
  const b = yearBounds(opts.fyear);
  const episodes = apcEpisodesSql({
    stream: streamFor(opts.seed, 'apc', opts.fyear),
    yearStart: isoDate(b.start), yearEnd: isoDate(b.end), yearDays: b.days,
    serialRange: serialRange(opts.scale),
  });
  return `SELECT ${apcSelectList(opts.fyear, yearLabel(opts.fyear))} FROM (${episodes}) AS e, lk`;
}

export async function writeApcYear(duck: Duck, opts: YearOptions & { path: string }): Promise<number> {
  return copyToParquet(duck, await prepareApcYear(duck, opts), opts.path);
}
