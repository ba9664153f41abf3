// The client's view of a dataset: labels, levels and small code lists, no SQL. Large code
// lists (ICD-10 4-char, districts) are reached through code search instead of being shipped.
import type { Catalogue, CodeEntry, Dataset, LevelRole } from './catalogue-types';

/** Code lists up to this size travel with the dataset; larger ones are searched. */
export const INLINE_CODE_LIMIT = 400;

export type CodeView = CodeEntry;
export interface LevelView {
  readonly id: string;
  readonly label: string;
  readonly codeCount: number;
  readonly codes: readonly CodeView[] | null;
  /** Periods or areas (see Level.role); null for plain categories. */
  readonly role: LevelRole | null;
}
export type FieldView =
  | { readonly type: 'code'; readonly id: string; readonly label: string; readonly description: string; readonly group: string; readonly levels: readonly LevelView[]; readonly defaultLevel: string; readonly multiValued: boolean }
  | { readonly type: 'number'; readonly id: string; readonly label: string; readonly description: string; readonly group: string; readonly unit: string; readonly min: number; readonly max: number };
export interface MeasureView { readonly id: string; readonly label: string; readonly description: string; readonly kind: string; readonly unit: string; readonly decimals: number }
export interface DatasetView {
  readonly id: Dataset['id'];
  readonly label: string;
  readonly description: string;
  readonly years: readonly { readonly code: string; readonly label: string }[];
  readonly fields: readonly FieldView[];
  readonly measures: readonly MeasureView[];
  readonly defaultMeasure: string;
}

export function toDatasetView(dataset: Dataset, catalogue: Catalogue): DatasetView {
  const yearLabel = (code: string) => `20${code.slice(0, 2)}-${code.slice(2)}`;
  return {
    id: dataset.id,
    label: dataset.label,
    description: dataset.description,
    years: dataset.years.map((code) => ({ code, label: yearLabel(code) })),
    fields: dataset.fields.map((f): FieldView => {
      if (f.type === 'number') {
        return { type: 'number', id: f.id, label: f.label, description: f.description, group: f.group, unit: f.unit, min: f.min, max: f.max };
      }
      return {
        type: 'code', id: f.id, label: f.label, description: f.description, group: f.group, defaultLevel: f.defaultLevel,
        multiValued: f.multiValued === true,
        levels: f.levels.map((l) => {
          const codes = catalogue.codeLists.get(l.codeList)?.codes ?? [];
          return {
            id: l.id, label: l.label, codeCount: codes.length, role: l.role ?? null,
            codes: codes.length <= INLINE_CODE_LIMIT ? codes.map((c) => ({ ...c })) : null,
          };
        }),
      };
    }),
    measures: dataset.measures.filter((m) => !m.hidden).map((m) => ({
      id: m.id, label: m.label, description: m.description, kind: m.kind, unit: m.unit, decimals: m.decimals,
    })),
    defaultMeasure: dataset.defaultMeasure,
  };
}
