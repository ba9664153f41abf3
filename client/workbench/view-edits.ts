// Edits to how the table is viewed, as pure draft → draft functions: drilling into a member
// (breadcrumbs), expanding members in place, moving fields by drag and drop, show-as, top-N.
// Structural edits drop expansions that no longer describe rows of the new table.
import type { Sort } from '../../shared/query/pivot-query';
import type { ChartChoice, Draft, DrillStep, Expansion, ShowAs } from '../url/workbench-draft';
import { MAX } from '../url/draft-url';
import { axisLimit, type Axis } from './draft-edits';

/** The level ids of a field, coarse to fine, and the one it is shown at by default. */
export interface FieldLevels { readonly id: string; readonly levels: readonly string[]; readonly defaultLevel: string }

const levelOf = (draft: Draft, axis: Axis, index: number, field: FieldLevels) => draft[axis][index]?.level ?? field.defaultLevel;
const nextLevel = (field: FieldLevels, level: string) => field.levels[field.levels.indexOf(level) + 1];

/** Drill into `code` of the field at `axis[index]`: filter to it and show the next level down. */
export function drillInto(draft: Draft, axis: Axis, index: number, field: FieldLevels, code: string, label: string): Draft {
  const level = levelOf(draft, axis, index, field);
  const finer = nextLevel(field, level);
  if (finer === undefined || draft[axis][index]?.field !== field.id) return draft;
  const step: DrillStep = { field: field.id, level, code, label };
  const refs = draft[axis].map((r, i) => (i === index ? { field: field.id, level: finer } : r));
  return withoutExpansions({ ...draft, [axis]: refs, drill: [...(draft.drill ?? []), step] });
}

/** Go back up the breadcrumb of `field` so that only its first `keep` steps remain. */
export function drillUpTo(draft: Draft, field: string, keep: number): Draft {
  const steps = draft.drill ?? [];
  const own = steps.filter((s) => s.field === field);
  const restored = own[keep];
  if (restored === undefined) return draft;
  const kept = [...own.slice(0, keep)];
  const drill = steps.filter((s) => s.field !== field || kept.includes(s));
  const setLevel = (refs: Draft['rows']) => refs.map((r) => (r.field === field ? { field, level: restored.level } : r));
  const { drill: _d, ...rest } = draft;
  return withoutExpansions({ ...rest, rows: setLevel(draft.rows), columns: setLevel(draft.columns), ...(drill.length > 0 ? { drill } : {}) });
}

/** The breadcrumbs: each drilled field with its steps, in the order they were taken. */
export function breadcrumbs(draft: Draft): { field: string; steps: DrillStep[] }[] {
  const out = new Map<string, DrillStep[]>();
  for (const step of draft.drill ?? []) out.set(step.field, [...(out.get(step.field) ?? []), step]);
  return [...out].map(([field, steps]) => ({ field, steps }));
}

export const sameExpansion = (a: Expansion, b: Expansion) =>
  a.codes.length === b.codes.length && a.codes.every((c, i) => c === b.codes[i] && a.levels[i] === b.levels[i]);

/** Expands a collapsed member or collapses an expanded one. Expansions beneath a collapsed
 *  member are kept (as in Excel, re-expanding it shows them again) but never fetched while
 *  hidden; past the URL's limit the oldest expansion is forgotten. */
export function toggleExpansion(draft: Draft, expansion: Expansion): Draft {
  const current = draft.expanded ?? [];
  const isOpen = current.some((e) => sameExpansion(e, expansion));
  const next = isOpen ? current.filter((e) => !sameExpansion(e, expansion)) : [...current, expansion].slice(-MAX.expanded);
  const { expanded: _e, ...rest } = draft;
  return next.length > 0 ? { ...rest, expanded: next } : rest;
}

function withoutExpansions(draft: Draft): Draft {
  const { expanded: _e, ...rest } = draft;
  return rest;
}

/** After any edit: expansions go when the rows change shape (fields, levels, drill), and a sort
 *  by one column's values goes when the columns might change (that column may be gone). */
export function keepValidExpansions(before: Draft, after: Draft): Draft {
  const rowShape = (d: Draft) => JSON.stringify([d.rows, d.drill ?? []]);
  const columnShape = (d: Draft) => JSON.stringify([d.columns, d.years, d.filters, d.drill ?? []]);
  let next = after;
  if (next.expanded && rowShape(before) !== rowShape(next)) next = withoutExpansions(next);
  if (next.sort?.by === 'measure' && next.sort.column && columnShape(before) !== columnShape(next)) {
    const { column: _c, ...sort } = next.sort;
    next = { ...next, sort };
  }
  return next;
}

/** Drag and drop: put `field` on `axis` at `index`, moving it from wherever it was. */
export function moveField(draft: Draft, field: string, axis: Axis, index: number): Draft {
  const from: Axis | undefined = draft.rows.some((r) => r.field === field) ? 'rows' : draft.columns.some((r) => r.field === field) ? 'columns' : undefined;
  const ref = (from ? draft[from].find((r) => r.field === field) : undefined) ?? { field };
  const rows = draft.rows.filter((r) => r.field !== field);
  const columns = draft.columns.filter((r) => r.field !== field);
  const target = axis === 'rows' ? rows : columns;
  if (target.length >= axisLimit(axis)) return draft;
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, ref);
  const next = { ...draft, rows, columns };
  return keepValidExpansions(draft, next);
}

export function setShowAs(draft: Draft, showAs: ShowAs): Draft {
  const { showAs: _s, ...rest } = draft;
  return showAs === 'value' ? rest : { ...rest, showAs };
}

export function setSort(draft: Draft, sort: Sort | undefined): Draft {
  const { sort: _s, ...rest } = draft;
  return sort ? { ...rest, sort } : rest;
}

/** Top-N: keep the first `limit` rows (undefined = all), with or without an "Other" row. */
export function setTopN(draft: Draft, limit: number | undefined, other: boolean): Draft {
  const { limit: _l, other: _o, ...rest } = draft;
  return withoutExpansions(limit === undefined ? rest : { ...rest, limit, ...(other ? { other: true } : {}) });
}

export function setChart(draft: Draft, chart: ChartChoice): Draft {
  const { chart: _c, ...rest } = draft;
  return chart === 'auto' ? rest : { ...rest, chart };
}
