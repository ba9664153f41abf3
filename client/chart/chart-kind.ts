// Which kinds of chart suit a pivot, and which one to draw when the user leaves it to us:
// a line for periods, a heatmap for many columns, horizontal bars for long or many labels,
// bars otherwise. Pie and map are offered where they fit but never chosen for the user.
import type { PivotResponse } from '../api/api-types';
import { leafRowIndexes } from './chart-data';

export type ChartKind = 'bar' | 'stacked-bar' | 'horizontal-bar' | 'line' | 'heatmap' | 'pie' | 'map';
export type MapRole = 'ons-region' | 'nhs-region' | 'icb';

export interface ChartKinds {
  readonly available: readonly ChartKind[];
  readonly auto: ChartKind;
}

/** Human names, in the order the picker lists them. */
export const CHART_KIND_NAMES: ReadonlyMap<ChartKind, string> = new Map<ChartKind, string>([
  ['bar', 'Bar chart'],
  ['stacked-bar', 'Stacked bar chart'],
  ['horizontal-bar', 'Horizontal bar chart'],
  ['line', 'Line chart'],
  ['heatmap', 'Heatmap'],
  ['pie', 'Pie chart'],
  ['map', 'Tile map'],
]);

export const chartKindName = (kind: ChartKind): string => CHART_KIND_NAMES.get(kind) ?? kind;
/** For text from outside (a select, the URL). */
const KINDS: ReadonlySet<string> = new Set(CHART_KIND_NAMES.keys());
export const isChartKind = (text: string): text is ChartKind => KINDS.has(text);

/** Labels longer than this (median) are unreadable under vertical bars (ICD-10 descriptions). */
export const LONG_LABEL_CHARS = 18;
/** More categories than this crowd a vertical axis. */
export const MANY_CATEGORIES = 15;
/** More leaf columns than this make a heatmap clearer than a dozen coloured series. */
export const MANY_COLUMNS = 8;
/** A pie with more slices than this cannot be read. */
export const MAX_PIE_SLICES = 12;

const MAP_ROLES: ReadonlySet<string> = new Set<MapRole>(['ons-region', 'nhs-region', 'icb']);
const isMapRole = (role: string | null): role is MapRole => role !== null && MAP_ROLES.has(role);

export function chartKindsFor(result: PivotResponse, measureIndex = 0): ChartKinds {
  const rows = leafRowIndexes(result);
  const columnCount = result.columns.filter((c) => c.depth === result.columnFields.length).length;
  const kind = result.measures[measureIndex]?.kind;
  const isAdditive = kind === 'count' || kind === 'sum';
  const hasColumns = result.columnFields.length > 0;
  // Every row field a period (year, then month drilled below it), so categories are in time order.
  const isTimeSeries = result.rowFields.length > 0 && result.rowFields.every((f) => f.role === 'time');
  const isGrid = result.rowFields.length === 1 && result.columnFields.length === 1;
  const labels = rows.map((i) => result.rows[i]?.labels.join(' / ') ?? '');

  const available: ChartKind[] = ['bar'];
  if (rows.length > 0) {
    if (hasColumns && isAdditive) available.push('stacked-bar');
    available.push('horizontal-bar');
    if (isTimeSeries) available.push('line');
    if (isGrid) available.push('heatmap');
    // Shares of a top-N table without its Other row would mislead.
    const hasOther = result.rows.some((r) => r.other === true);
    if (!hasColumns && isAdditive && !hasOther && rows.length <= MAX_PIE_SLICES) available.push('pie');
    if (mapRoleOf(result) !== null) available.push('map');
  }

  const auto: ChartKind = rows.length === 0 ? 'bar'
    : isGrid && columnCount > MANY_COLUMNS ? 'heatmap'
    : isTimeSeries ? 'line'
    : medianLength(labels) > LONG_LABEL_CHARS || rows.length > MANY_CATEGORIES ? 'horizontal-bar'
    : 'bar';
  return { available, auto };
}

/** The area role of the only row field, when the rows can be drawn as a tile map. */
export function mapRoleOf(result: PivotResponse): MapRole | null {
  const [field, ...rest] = result.rowFields;
  return field && rest.length === 0 && isMapRole(field.role) ? field.role : null;
}

export interface ResolvedKind {
  readonly kind: ChartKind;
  /** The requested kind does not suit this table; `kind` is the automatic choice instead. */
  readonly fellBackFrom: ChartKind | null;
}

export function resolveChartKind(kinds: ChartKinds, requested: ChartKind | 'auto'): ResolvedKind {
  if (requested === 'auto') return { kind: kinds.auto, fellBackFrom: null };
  return kinds.available.includes(requested) ? { kind: requested, fellBackFrom: null } : { kind: kinds.auto, fellBackFrom: requested };
}

/** The median label length in characters (long labels need room). */
export function medianLength(labels: readonly string[]): number {
  const lengths = labels.map((l) => l.length).sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  const mid = Math.floor(lengths.length / 2);
  return lengths.length % 2 === 1 ? (lengths[mid] ?? 0) : ((lengths[mid - 1] ?? 0) + (lengths[mid] ?? 0)) / 2;
}
