// The wire format of a protected pivot: what the server returns and the client renders.
// Every cell is { value, suppressed }; a suppressed cell's value is always null, so no raw
// value of a suppressed cell can appear anywhere in a response.
import { z } from 'zod';
import { DatasetIdSchema } from '../catalogue/catalogue-types';

export const CellSchema = z.object({
  value: z.number().nullable(),
  suppressed: z.boolean(),
}).refine((c) => !c.suppressed || c.value === null, 'a suppressed cell carries no value');
export type Cell = z.infer<typeof CellSchema>;

/** The code of the "Other" row of a top-N table; no code list uses it. */
export const OTHER_CODE = '__other__';

/** One row or column header. `depth` = how many of the axis fields it is grouped by:
 *  depth === fields.length is a leaf; smaller is a subtotal; 0 is the axis total. */
export const HeaderSchema = z.object({
  codes: z.array(z.string()),
  labels: z.array(z.string()),
  depth: z.number().int().min(0),
  /** The top-N remainder row (codes [OTHER_CODE]): every top-level row past the limit, as one group. */
  other: z.literal(true).optional(),
});
export type Header = z.infer<typeof HeaderSchema>;

export const AxisFieldSchema = z.object({
  field: z.string(),
  level: z.string(),
  label: z.string(),
  levelLabel: z.string(),
  /** True when the level has a finer level below it (the UI can drill down). */
  drillable: z.boolean(),
  /** Codes mean something to analysts here (ICD-10, OPCS-4, providers, specialties): show them. */
  showCodes: z.boolean(),
  /** Periods (time order) or areas of England (tile maps); null for plain categories. */
  role: z.enum(['time', 'ons-region', 'nhs-region', 'icb']).nullable(),
});
export type AxisField = z.infer<typeof AxisFieldSchema>;

export const ResultMeasureSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['count', 'sum', 'ratio', 'statistic']),
  unit: z.string(),
  decimals: z.number().int(),
});
export type ResultMeasure = z.infer<typeof ResultMeasureSchema>;

export const PolicySummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  /** One sentence per rule, for the grid footer and export notes. */
  rules: z.array(z.string()),
  /** Every suppressed count keeps a feasible interval at least this wide (records). */
  protectionWidth: z.number().int().min(0),
});

export const PivotResultSchema = z.object({
  dataset: DatasetIdSchema,
  years: z.array(z.string()),
  rowFields: z.array(AxisFieldSchema),
  columnFields: z.array(AxisFieldSchema),
  measures: z.array(ResultMeasureSchema),
  rows: z.array(HeaderSchema),
  columns: z.array(HeaderSchema),
  /** cells[row][column][measure], dense. */
  cells: z.array(z.array(z.array(CellSchema))),
  policy: PolicySummarySchema,
  suppressedCount: z.number().int().min(0),
  /** Date the data were extracted (as-of), ISO yyyy-mm-dd. */
  asOf: z.string(),
  dataVersion: z.string(),
  notes: z.array(z.string()),
});
export type PivotResult = z.infer<typeof PivotResultSchema>;
