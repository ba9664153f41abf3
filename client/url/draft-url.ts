// Reads and writes the draft in the page URL (`?q=<JSON>`), so reloads and shared links
// reproduce the view. A damaged link keeps its valid parts and names what was dropped.
import { z } from 'zod';
import { DatasetIdSchema } from '../../shared/catalogue/catalogue-types';
import { FieldRefSchema, FilterSchema, PivotQuerySchema, SortSchema } from '../../shared/query/pivot-query';
import { CHART_KINDS, SHOW_AS, type Draft, type DrillStep, type Expansion } from './workbench-draft';

export const QUERY_PARAM = 'q';

export interface LinkState {
  /** null: the link holds no view, so the workbench starts from the dataset defaults. */
  readonly draft: Draft | null;
  /** One sentence per part of the link that could not be used. */
  readonly dropped: readonly string[];
}

const shape = PivotQuerySchema.shape;
const YearSchema = shape.years.element;
const MeasureSchema = shape.measures.element;
const LimitSchema = shape.limit.unwrap();
/** The list limits of PivotQuerySchema (checked again when the draft becomes a query). */
export const MAX = { years: 20, rows: 3, columns: 2, measures: 8, filters: 20, drill: 6, expanded: 30 } as const;
const KNOWN_KEYS = new Set(['dataset', 'years', 'rows', 'columns', 'measures', 'filters', 'totals', 'sort', 'limit', 'other', 'showAs', 'drill', 'expanded', 'chart']);

const Id = FieldRefSchema.shape.field;
const Code = z.string().min(1).max(64);
const DrillStepSchema: z.ZodType<DrillStep> = z.object({ field: Id, level: Id, code: Code, label: z.string().max(200) });
const ExpansionSchema: z.ZodType<Expansion> = z.object({ codes: z.array(z.string().max(64)).min(1).max(MAX.rows), levels: z.array(Id).min(1).max(MAX.rows) })
  .refine((e) => e.codes.length === e.levels.length, 'codes and levels differ in length');
const ShowAsSchema = z.enum(SHOW_AS);
const ChartSchema = z.enum(CHART_KINDS);

/** Keeps the elements the schema accepts (up to `max`) and reports each one it drops. */
function validItems<T>(raw: unknown, schema: z.ZodType<T>, max: number, name: string, dropped: string[]): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) { dropped.push(`${name}: not a list`); return []; }
  const kept: T[] = [];
  raw.forEach((item: unknown, i) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) dropped.push(`${name} ${i + 1} (${describe(item)}): ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    else if (kept.length >= max) dropped.push(`${name} ${i + 1} (${describe(item)}): at most ${max} allowed`);
    else kept.push(parsed.data);
  });
  return kept;
}

function describe(item: unknown): string {
  if (typeof item === 'string') return `"${item.slice(0, 40)}"`;
  if (typeof item === 'object' && item !== null && 'field' in item && typeof item.field === 'string') return `field "${item.field.slice(0, 40)}"`;
  return JSON.stringify(item)?.slice(0, 40) ?? String(item);
}

/** Parses the `q` parameter of a URL search string, part by part. */
export function parseLink(search: string): LinkState {
  const text = new URLSearchParams(search).get(QUERY_PARAM);
  if (text === null || text === '') return { draft: null, dropped: [] };
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { return { draft: null, dropped: ['the whole view: the link is damaged (it is not readable JSON)'] }; }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { draft: null, dropped: ['the whole view: the link does not describe a table'] };
  const obj = new Map(Object.entries(raw));
  const dataset = DatasetIdSchema.safeParse(obj.get('dataset'));
  if (!dataset.success) return { draft: null, dropped: [`the whole view: unknown dataset ${describe(obj.get('dataset'))}`] };

  const dropped: string[] = [];
  for (const key of obj.keys()) if (!KNOWN_KEYS.has(key)) dropped.push(`"${key.slice(0, 40)}": not part of a view`);
  const totals = obj.get('totals');
  if (totals !== undefined && typeof totals !== 'boolean') dropped.push('totals: not true or false');
  const sort = obj.has('sort') ? SortSchema.safeParse(obj.get('sort')) : undefined;
  if (sort && !sort.success) dropped.push('sort order: not understood');
  const limit = obj.has('limit') ? LimitSchema.safeParse(obj.get('limit')) : undefined;
  if (limit && !limit.success) dropped.push('row limit: not a whole number from 1 to 10,000');

  const option = <T>(key: string, schema: z.ZodType<T>, what: string): T | undefined => {
    if (!obj.has(key)) return undefined;
    const parsed = schema.safeParse(obj.get(key));
    if (!parsed.success) dropped.push(`${what}: not understood`);
    return parsed.success ? parsed.data : undefined;
  };
  const other = option('other', z.boolean(), '"other" row');
  const showAs = option('showAs', ShowAsSchema, 'show as');
  const chart = option('chart', ChartSchema, 'chart type');
  const drill = validItems(obj.get('drill'), DrillStepSchema, MAX.drill, 'drill step', dropped);
  const expanded = validItems(obj.get('expanded'), ExpansionSchema, MAX.expanded, 'expanded row', dropped);

  const draft: Draft = {
    dataset: dataset.data,
    years: [...new Set(validItems(obj.get('years'), YearSchema, MAX.years, 'year', dropped))],
    rows: validItems(obj.get('rows'), FieldRefSchema, MAX.rows, 'row field', dropped),
    columns: validItems(obj.get('columns'), FieldRefSchema, MAX.columns, 'column field', dropped),
    measures: [...new Set(validItems(obj.get('measures'), MeasureSchema, MAX.measures, 'measure', dropped))],
    filters: validItems(obj.get('filters'), FilterSchema, MAX.filters, 'filter', dropped),
    totals: typeof totals === 'boolean' ? totals : true,
    ...(sort?.success ? { sort: sort.data } : {}),
    ...(limit?.success ? { limit: limit.data } : {}),
    ...(other !== undefined ? { other } : {}),
    ...(showAs !== undefined ? { showAs } : {}),
    ...(chart !== undefined ? { chart } : {}),
    ...(drill.length > 0 ? { drill } : {}),
    ...(expanded.length > 0 ? { expanded } : {}),
  };
  return { draft, dropped };
}

/** The search string for a draft: `?q=` and the URI-encoded JSON. */
export function linkSearch(draft: Draft): string {
  return `?${QUERY_PARAM}=${encodeURIComponent(JSON.stringify(draft))}`;
}
