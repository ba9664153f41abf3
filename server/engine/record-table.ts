// The per-record table's builds, in the order the rollup manager tries them, and whether a table
// kept from the last run is still one of them.
import type { Dialect } from '../../shared/sql/dialect';
import { renderRollupBuild, type RollupSpec } from '../../shared/sql/rollup';

export interface RecordTableAttempt {
  readonly spec: RollupSpec;
  /** How it differs from the first attempt, for the log ('' for the first). */
  readonly as: string;
}

/** The full table, then fallbacks keying fewer distinct counts: two keys sharing a hash leave
 *  those over several years to the records; keys a year's numbering cannot fit in memory, all
 *  of them (the table still speeds up every other measure). */
export function recordTableAttempts(spec: RollupSpec): RecordTableAttempt[] {
  const { crossYearKeys: _hashed, ...withinYears } = spec;
  const { distinctKeys: _keys, ...withoutKeys } = withinYears;
  return [
    { spec, as: '' },
    ...(spec.crossYearKeys ? [{ spec: withinYears, as: 'with distinct keys within each year only' }] : []),
    ...(spec.distinctKeys ? [{ spec: withoutKeys, as: 'without distinct keys' }] : []),
  ];
}

/** Whether a table built as `kept` is one of `attempts` (the same statements): a table the code
 *  of an earlier run built differently (e.g. without columns queries now read) is not. */
export function isAttempt(kept: RollupSpec, attempts: readonly RecordTableAttempt[], dialect: Dialect): boolean {
  const statements = JSON.stringify(renderRollupBuild(kept, dialect));
  return attempts.some((a) => JSON.stringify(renderRollupBuild(a.spec, dialect)) === statements);
}
