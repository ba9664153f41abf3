// The shape of a dataset catalogue: fields, hierarchy levels, code lists and measures.
// The catalogue (datasets/) is the single source of truth; UI, compiler and exports read it.
import { z } from 'zod';

/** A trusted SQL fragment written in the catalogue (never user input). Portable SQL only:
 *  column names, CASE, IN, =, <>, LIKE, arithmetic, IS NULL. */
export const SqlExprSchema = z.string().min(1);
export type SqlExpr = string;

export const CodeEntrySchema = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  /** Not-known / not-applicable code: kept in totals, may be grouped as "Not known". */
  unknown: z.literal(true).optional(),
  /** Code of the parent at the level above in the field's hierarchy, when there is one. */
  parent: z.string().optional(),
});
export type CodeEntry = z.infer<typeof CodeEntrySchema>;

export const CodeListSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  codes: z.array(CodeEntrySchema),
});
export type CodeList = z.infer<typeof CodeListSchema>;

export const LevelSchema = z.object({
  /** Unique within its field, e.g. 'chapter', 'block', 'code3', 'code4'. */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  /** Scalar expression; for a multi-valued field, an expression yielding a LIST of codes. */
  sql: SqlExprSchema,
  /** Id of the code list (in the catalogue's codeLists) that labels this level's values. */
  codeList: z.string().min(1),
  /** What the level's codes are, where charts draw them specially: periods in time order
   *  (line charts) or areas of England (tile maps). */
  role: z.enum(['time', 'ons-region', 'nhs-region', 'icb']).optional(),
  /** What the level singles out, for disclosure control: fine clinical codes (3- and
   *  4-character) and single providers or sites need a minimum aggregation when they meet
   *  (hes-data.md §5.4). */
  granularity: z.enum(['fine-code', 'provider']).optional(),
});
export type Level = z.infer<typeof LevelSchema>;
export type LevelRole = NonNullable<Level['role']>;

export const FieldGroupSchema = z.enum([
  'Time', 'Patient', 'Residence', 'Provider', 'Admission', 'Discharge', 'Episode',
  'Clinical', 'Appointment', 'Attendance', 'Data source',
]);
export type FieldGroup = z.infer<typeof FieldGroupSchema>;

const FieldBase = {
  /** HES field name in lower case where one exists (`admimeth`), else a plain name (`age_band`). */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  description: z.string().min(1),
  group: FieldGroupSchema,
};

export const CodeFieldSchema = z.object({
  ...FieldBase,
  type: z.literal('code'),
  /** Hierarchy levels, coarsest first. A flat field has one level. */
  levels: z.array(LevelSchema).min(1),
  defaultLevel: z.string(),
  /** "Any position" field (all diagnosis mentions): each record holds a list of codes per level;
   *  grouping counts a record once under each distinct code it mentions. */
  multiValued: z.literal(true).optional(),
  /** Its codes mean something to analysts (ICD-10, OPCS-4, providers, specialties): show them
   *  beside the labels. */
  showCodes: z.literal(true).optional(),
});
export type CodeField = z.infer<typeof CodeFieldSchema>;

export const NumberFieldSchema = z.object({
  ...FieldBase,
  type: z.literal('number'),
  sql: SqlExprSchema,
  unit: z.string().min(1),
  min: z.number(),
  max: z.number(),
});
export type NumberField = z.infer<typeof NumberFieldSchema>;

export const FieldSchema = z.discriminatedUnion('type', [CodeFieldSchema, NumberFieldSchema]);
export type Field = z.infer<typeof FieldSchema>;

const MeasureBase = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  description: z.string().min(1),
  /** What one contributing record is ('episodes', 'spells', 'appointments', 'patients'…). */
  unit: z.string().min(1),
  /** Decimal places to show. */
  decimals: z.number().int().min(0).max(3),
  /** Hidden helper measures (e.g. a ratio's denominator) are not offered in the UI. */
  hidden: z.literal(true).optional(),
};

/** `where` is a row condition; null means every row of the dataset (after `baseWhere`). */
export const CountMeasureSchema = z.object({
  ...MeasureBase,
  kind: z.literal('count'),
  where: SqlExprSchema.nullable(),
  /** COUNT(DISTINCT expr) instead of COUNT(*) (patients, spells). */
  distinctOf: SqlExprSchema.optional(),
});
export const SumMeasureSchema = z.object({
  ...MeasureBase,
  kind: z.literal('sum'),
  of: SqlExprSchema,
  where: SqlExprSchema.nullable(),
});
export const StatisticMeasureSchema = z.object({
  ...MeasureBase,
  kind: z.literal('statistic'),
  aggregate: z.enum(['mean', 'median']),
  of: SqlExprSchema,
  where: SqlExprSchema.nullable(),
});
export const RatioMeasureSchema = z.object({
  ...MeasureBase,
  kind: z.literal('ratio'),
  /** Ids of count measures; the ratio is computed from their *protected* values. */
  numerator: z.string(),
  denominator: z.string(),
  /** 100 for a percentage, 1 for a plain ratio. */
  multiplier: z.union([z.literal(100), z.literal(1)]),
});
export const MeasureSchema = z.discriminatedUnion('kind', [
  CountMeasureSchema, SumMeasureSchema, StatisticMeasureSchema, RatioMeasureSchema,
]);
export type Measure = z.infer<typeof MeasureSchema>;
export type CountMeasure = z.infer<typeof CountMeasureSchema>;
export type SumMeasure = z.infer<typeof SumMeasureSchema>;
export type StatisticMeasure = z.infer<typeof StatisticMeasureSchema>;
export type RatioMeasure = z.infer<typeof RatioMeasureSchema>;

export const DatasetIdSchema = z.enum(['apc', 'op', 'ae']);
export type DatasetId = z.infer<typeof DatasetIdSchema>;

export const DatasetSchema = z.object({
  id: DatasetIdSchema,
  label: z.string(),
  description: z.string(),
  /** Table (view) name the engine registers over the dataset's Parquet files. */
  table: z.string().regex(/^[a-z_]+$/),
  /** Financial years available, e.g. ['1920', '2021', …]; codes of the `fyear` code list. */
  years: z.array(z.string().regex(/^\d{4}$/)).min(1),
  /** Row condition every measure starts from (APC: none; the FCE rule lives in each measure). */
  baseWhere: SqlExprSchema.nullable(),
  fields: z.array(FieldSchema),
  measures: z.array(MeasureSchema),
  defaultMeasure: z.string(),
  /** Record key; never a dimension, never sent to the client. */
  recordKey: z.string(),
  /** The table's scalar columns, which field and measure SQL may read: lets the compiler see
   *  which columns an expression uses (a rollup keeps the columns its queries read). */
  columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).optional(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/** All datasets plus the code lists their levels point at (shared: ICD-10 serves APC and OP). */
export interface Catalogue {
  readonly datasets: ReadonlyMap<DatasetId, Dataset>;
  readonly codeLists: ReadonlyMap<string, CodeList>;
}
