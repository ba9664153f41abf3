// Checks a draft from a link against the dataset's catalogue and drops what the dataset does
// not have (unknown fields, levels, measures, years), saying what went, so an old or edited
// link still opens with its valid parts instead of failing as a whole.
import type { FieldRef, Filter } from '../../shared/query/pivot-query';
import type { DatasetResponse, FieldResponse } from '../api/api-types';
import type { Draft } from './workbench-draft';

export interface Reconciled {
  readonly draft: Draft;
  readonly dropped: readonly string[];
}

export function reconcileDraft(draft: Draft, view: DatasetResponse): Reconciled {
  const fields = new Map<string, FieldResponse>(view.fields.map((f) => [f.id, f]));
  const measures = new Map(view.measures.map((m) => [m.id, m]));
  const years = new Set(view.years.map((y) => y.code));
  const name = view.id.toUpperCase();
  const dropped: string[] = [];
  const used = new Set<string>();

  const axis = (refs: readonly FieldRef[], where: string): FieldRef[] => refs.flatMap((ref): FieldRef[] => {
    const field = fields.get(ref.field);
    if (!field) { dropped.push(`${where} field "${ref.field}": ${name} has no such field`); return []; }
    if (field.type !== 'code') { dropped.push(`${where} field "${field.label}": a number can only be a range filter`); return []; }
    if (used.has(field.id)) { dropped.push(`${where} field "${field.label}": already used`); return []; }
    used.add(field.id);
    if (ref.level !== undefined && !field.levels.some((l) => l.id === ref.level)) {
      dropped.push(`level "${ref.level}" of "${field.label}": not a level of that field (using ${field.levels.find((l) => l.id === field.defaultLevel)?.label ?? 'its default'})`);
      return [{ field: field.id }];
    }
    return [ref];
  });

  const filter = (f: Filter): boolean => {
    const field = fields.get(f.field);
    if (!field) { dropped.push(`filter on "${f.field}": ${name} has no such field`); return false; }
    const wantsNumber = f.kind === 'range';
    if (wantsNumber !== (field.type === 'number')) { dropped.push(`filter on "${field.label}": wrong kind of filter for this field`); return false; }
    if ((f.kind === 'in' || f.kind === 'not-in') && f.level !== undefined && field.type === 'code' && !field.levels.some((l) => l.id === f.level)) {
      dropped.push(`filter on "${field.label}": unknown level "${f.level}"`);
      return false;
    }
    return true;
  };

  const keptYears = draft.years.filter((y) => years.has(y) || (dropped.push(`year ${y}: not available for ${name}`), false));
  const keptMeasures = draft.measures.filter((m) => measures.has(m) || (dropped.push(`measure "${m}": not available for ${name}`), false));
  const drill = (draft.drill ?? []).filter((step) => {
    const field = fields.get(step.field);
    const ok = field?.type === 'code' && field.levels.some((l) => l.id === step.level);
    if (!ok) dropped.push(`drill step "${step.label.slice(0, 40)}": ${name} has no such field or level`);
    return ok;
  });
  const next: Draft = {
    ...draft,
    ...(draft.drill ? { drill } : {}),
    years: keptYears,
    rows: axis(draft.rows, 'row'),
    columns: axis(draft.columns, 'column'),
    measures: keptMeasures,
    filters: draft.filters.filter(filter),
  };
  if (next.sort?.by === 'measure' && !keptMeasures.includes(next.sort.measure)) {
    dropped.push('sort order: its measure is not in the view');
    const { sort: _sort, ...rest } = next;
    return { draft: rest, dropped };
  }
  return { draft: dropped.length === 0 ? draft : next, dropped };
}
