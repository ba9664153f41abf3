// Renders a PivotPlan as one parameterised SQL statement for a dialect. Identifiers come only
// from the catalogue and are quoted by the dialect; values travel only as parameters.
// Same plan and dialect ⇒ same text, always.
import type { Dialect } from './dialect';
import { groupingParts, partColumns, readsDimension, type GroupingRows } from './grouping-parts';
import type { CompiledQuery, PivotPlan, Predicate, SqlValue } from './pivot-plan';

/** Alias of the grouping bitmask column in the result. */
export const GROUPING_ALIAS = 'grouping_id';

export function renderSql(plan: PivotPlan, dialect: Dialect): CompiledQuery {
  const params: SqlValue[] = [];
  const q = (name: string) => dialect.quoteIdentifier(name);
  const value = (v: SqlValue): string => {
    params.push(v);
    return dialect.placeholder(params.length, v);
  };

  const predicate = (p: Predicate): string => renderPredicate(p, dialect, value);

  // Rendered once: both parts of a plan with a multi-valued dimension share its placeholders.
  const where = predicate(plan.where);
  const rowsOf = (rows: GroupingRows) => {
    const dimSelect = plan.dimensions.flatMap((d, i) => (!readsDimension(plan, rows, i) ? []
      : [`${d.multiValued ? dialect.unnest(`(${d.expr})`) : `(${d.expr})`} AS ${q(d.alias)}`]));
    return `SELECT *${dimSelect.map((s) => `, ${s}`).join('')} FROM ${q(plan.table)} WHERE ${where}`;
  };

  const dimAliases = plan.dimensions.map((d) => q(d.alias));
  const aggregates = plan.aggregates.map((a) => `${dialect.aggregate(a.fn, a.arg === null ? null : `(${a.arg})`, a.where === null ? null : `(${a.where})`)} AS ${q(a.alias)}`);

  let sql: string;
  if (plan.dimensions.length === 0) {
    sql = `SELECT ${[...aggregates, `0 AS ${q(GROUPING_ALIAS)}`].join(', ')} FROM (${rowsOf('records')}) AS ${q('base')}`;
  } else {
    // Sets grouping a multi-valued dimension count its mentions; the others count records.
    sql = groupingParts(plan).map(({ rows, sets }) => {
      const { columns, groupingId } = partColumns(plan, sets, dialect);
      return [
        `SELECT ${[...columns, ...aggregates, `${groupingId} AS ${q(GROUPING_ALIAS)}`].join(', ')}`,
        `FROM (${rowsOf(rows)}) AS ${q('base')}`,
        `GROUP BY GROUPING SETS (${sets.map((s) => `(${s.map((i) => dimAliases[i]).join(', ')})`).join(', ')})`,
      ].join(' ');
    }).join(' UNION ALL ');
  }
  return { sql, params, plan };
}

/** A predicate as SQL; `value` turns each value into a placeholder (and records the parameter). */
export function renderPredicate(p: Predicate, dialect: Dialect, value: (v: SqlValue) => string): string {
  const predicate = (x: Predicate) => renderPredicate(x, dialect, value);
  switch (p.kind) {
    case 'trusted': return `(${p.sql})`;
    case 'in': return `(${p.expr}) IN (${p.values.map(value).join(', ')})`;
    case 'not-in': return `((${p.expr}) IS NULL OR (${p.expr}) NOT IN (${p.values.map(value).join(', ')}))`;
    case 'between': return `(${p.expr}) BETWEEN ${value(p.low)} AND ${value(p.high)}`;
    case 'starts-with': return dialect.startsWith(`(${p.expr})`, value(p.prefix));
    case 'list-has-any': return dialect.listHasAny(`(${p.expr})`, p.values.map(value));
    case 'list-has-none': return `NOT ${dialect.listHasAny(`(${p.expr})`, p.values.map(value))}`;
    case 'list-any-starts-with': return `(${dialect.listAnyStartsWith(`(${p.expr})`, value(p.prefix))})`;
    case 'all': return p.parts.length === 0 ? 'TRUE' : p.parts.map((x) => `(${predicate(x)})`).join(' AND ');
    case 'any': return p.parts.length === 0 ? 'FALSE' : `(${p.parts.map((x) => `(${predicate(x)})`).join(' OR ')})`;
    default: { const never: never = p; throw new Error(`unhandled predicate ${String(never)}`); }
  }
}
