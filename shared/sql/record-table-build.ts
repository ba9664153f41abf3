// The build of a per-record table (RollupSpec.perRecord): the records with every partial worked
// out per record, computed fields as columns, and distinct keys numbered within each year (and
// across each pair of consecutive years), a year at a time.
import type { Dialect } from './dialect';
import type { Partial } from './render-two-step';
import type { RollupSpec } from './rollup';

/** The statements building `spec`'s per-record table, in order. `grain` and `hists` are the
 *  select list's quoted columns and histogram expressions, `base` the dataset's base condition. */
export function renderRecordTableBuild(spec: RollupSpec, dialect: Dialect, { grain, hists, base }: { readonly grain: readonly string[]; readonly hists: readonly string[]; readonly base: readonly string[] }): string[] {
  const q = (n: string) => dialect.quoteIdentifier(n);
  const perRecord = spec.partials.map((p, i) => `${perRecordPartial(p)} AS ${q(`__p${i}`)}`);
  // A key only one record has is one distinct key in every cell that record falls in: those
  // add up like counts (__s = 1). Keys shared by several records are numbered (__k; integers
  // hash faster than strings) in a table of their own, built first: nationally 4.5M of 15M
  // patients a year, so its join fits DuckDB's memory. A null key is counted by neither, as
  // count(DISTINCT) ignores nulls. With clusterBy, all this is done a year at a time.
  const keys = (spec.distinctKeys ?? []).map((k, i) => ({ k, i }));
  // Keys checked free of hash collisions are joined by their 64-bit hash, not their text:
  // a smaller hash table for each join (16-character identifiers nationally).
  const joinKey = (k: string) => (spec.crossYearKeys ? dialect.keyHash(`(${k})`) : `(${k})`);
  const keyTable = (scope: string, i: number) => q(`${spec.table}__${scope}${i}`);
  const numberedTable = (scope: string, where: string, having: string) => keys.map(({ k, i }) => `CREATE TABLE ${keyTable(scope, i)} AS SELECT ${q('__v')}, CAST(row_number() OVER () AS INTEGER) AS ${q('__i')}`
    + ` FROM (SELECT ${joinKey(k)} AS ${q('__v')} FROM ${q(spec.source)}${where}${where === '' ? ' WHERE' : ' AND'} (${k}) IS NOT NULL GROUP BY 1 HAVING ${having}) AS ${q('keyed')}`);
  const dropKeys = (scope: string) => keys.map(({ i }) => `DROP TABLE IF EXISTS ${keyTable(scope, i)}`);
  const hashed = spec.crossYearKeys ? keys.map(({ k, i }) => `CASE WHEN (${k}) IS NOT NULL THEN ${dialect.keyHash(`(${k})`)} END AS ${q(`__g${i}`)}`) : [];
  const computed = (spec.computed ?? []).map((sql, i) => `(${sql}) AS ${q(`__c${i}`)}`);
  const cluster = spec.clusterBy;
  const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;
  // A year at a time, then any record of no listed year (none in generated data).
  const chunks = cluster === undefined ? [null] : [
    ...cluster.values.map((v) => clusterIs(cluster, v)),
    `((${cluster.expr}) IS NULL OR (${cluster.expr}) NOT IN (${cluster.values.map(literal).join(', ')}))`,
  ];
  const chunkWhere = (chunk: string | null) => {
    const parts = [...base, ...(chunk === null ? [] : [chunk])];
    return parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '';
  };
  const years = cluster?.values ?? [];
  const paired = numbersPairs(spec);
  const pairScope = (p: number) => (paired && p >= 0 && p + 1 < years.length ? `cross${p}_` : null);
  const join = (k: string, table: string) => ` LEFT JOIN ${table} ON ${joinKey(k)} = ${table}.${q('__v')}`;
  // Chunk t (year t) joins the year's key tables and the cross tables of pairs t - 1 and t.
  const select = (t: number) => {
    const inYear = t < years.length;
    const keyed = keys.flatMap(({ k, i }) => [`${keyTable('keys', i)}.${q('__i')} AS ${q(`__k${i}`)}`,
      `CASE WHEN ${keyTable('keys', i)}.${q('__i')} IS NULL AND (${k}) IS NOT NULL THEN 1 ELSE 0 END AS ${q(`__s${i}`)}`]);
    // Pair p's numbers in the columns of parity p % 2 (null where this year is in no such pair).
    const pairOfParity = (j: number) => (inYear ? [t - 1, t].find((p) => p % 2 === j && pairScope(p) !== null) : undefined);
    const crossed = paired ? [0, 1].flatMap((j) => keys.map(({ i }) => {
      const p = pairOfParity(j);
      return `${p === undefined ? 'CAST(NULL AS INTEGER)' : `${keyTable(pairScope(p)!, i)}.${q('__i')}`} AS ${q(`__y${j}x${i}`)}`;
    })) : [];
    const joins = [
      ...keys.map(({ k, i }) => join(k, keyTable('keys', i))),
      ...[0, 1].flatMap((j) => { const p = pairOfParity(j); return p === undefined ? [] : keys.map(({ k, i }) => join(k, keyTable(pairScope(p)!, i))); }),
    ];
    return `SELECT ${[...grain, ...computed, ...hists, ...perRecord, ...keyed, ...crossed, ...hashed].join(', ')} FROM ${q(spec.source)}${joins.join('')}`;
  };
  const pairWhere = (p: number) => chunkWhere(`(${cluster!.expr}) IN (${literal(years[p]!)}, ${literal(years[p + 1]!)})`);
  return [
    ...(spec.crossYearKeys ? keyHashChecks(spec, dialect, chunkWhere(null)) : []),
    ...dropKeys('keys'),
    ...years.flatMap((_, p) => (pairScope(p) === null ? [] : dropKeys(pairScope(p)!))),
    ...chunks.flatMap((chunk, t) => [
      ...numberedTable('keys', chunkWhere(chunk), 'count(*) > 1'),
      // Pair t's keys in both its years, numbered with year t and kept for year t + 1.
      ...(pairScope(t) === null ? [] : numberedTable(pairScope(t)!, pairWhere(t), `min(${cluster!.expr}) <> max(${cluster!.expr})`)),
      `${t === 0 ? `CREATE TABLE ${q(spec.table)} AS` : `INSERT INTO ${q(spec.table)}`} ${select(t)}${chunkWhere(chunk)}`,
      ...dropKeys('keys'),
      ...(pairScope(t - 1) === null ? [] : dropKeys(pairScope(t - 1)!)),
    ]),
  ];
}

/** The condition admitting the records of one value of `clusterBy` (one year). */
export function clusterIs(cluster: NonNullable<RollupSpec['clusterBy']>, value: string): string {
  return `(${cluster.expr}) = '${value.replaceAll("'", "''")}'`;
}

/** Whether the table numbers the keys each pair of consecutive years shares (`__y<j>x<i>`). */
export function numbersPairs(spec: RollupSpec): boolean {
  return spec.crossYearKeys === true && (spec.clusterBy?.values.length ?? 0) > 1;
}

/** Statements failing if two keys of a per-record table share a hash: per hash partition (two
 *  per year, as one year's keys at once fit in memory), its keys and their hashes counted
 *  distinct. Colliding keys fall in the same partition, so every collision is found. */
function keyHashChecks(spec: RollupSpec, dialect: Dialect, where: string): string[] {
  const partitions = 2 * Math.max(1, spec.clusterBy?.values.length ?? 1);
  return Array.from({ length: partitions }, (_, p) => {
    const collides = (spec.distinctKeys ?? []).map((k) => {
      const inPartition = `${dialect.keyHash(`(${k})`)} % ${partitions} = ${p}`;
      return `${dialect.aggregate('count_distinct', `(${k})`, inPartition)} <> ${dialect.aggregate('count_distinct', dialect.keyHash(`(${k})`), `(${k}) IS NOT NULL AND ${inPartition}`)}`;
    });
    return dialect.failWhen(collides.join(' OR '), `two ${spec.dataset} keys share a 64-bit hash: distinct counts across years read the records`, `${dialect.quoteIdentifier(spec.source)}${where}`);
  });
}

/** A partial for one record: what its aggregate would give over that record alone (a sum over
 *  no matching record is null, as the aggregate's is). */
function perRecordPartial(p: Omit<Partial, 'alias'>): string {
  const where = p.where === null ? 'TRUE' : `(${p.where})`;
  switch (p.fn) {
    case 'count': return `CASE WHEN ${where} THEN 1 ELSE 0 END`;
    case 'count_nonnull': return `CASE WHEN ${where} AND (${p.arg}) IS NOT NULL THEN 1 ELSE 0 END`;
    case 'sum': return `CASE WHEN ${where} THEN (${p.arg}) END`;
    default: { const never: never = p.fn; throw new Error(`unhandled partial ${String(never)}`); }
  }
}
