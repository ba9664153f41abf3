// What an analyst asks for: the PivotQuery. One zod schema validates tRPC input, URL state
// and saved reports; it checks shape only. Meaning (does the field exist?) is checked
// against the catalogue by buildPlan, which raises typed domain errors.
import { z } from 'zod';
import { DatasetIdSchema } from '../catalogue/catalogue-types';

const Id = z.string().min(1).max(64).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case identifier');
const Code = z.string().min(1).max(64);
/** A range bound: finite and within ±(2^53 − 1), where every integer is exact in a double and
 *  fits an engine's 64-bit integer (1e19 reached DuckDB as a BIGINT and failed there). */
const BOUND_MESSAGE = `must be a number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`;
const Bound = z.number({ error: BOUND_MESSAGE }).min(-Number.MAX_SAFE_INTEGER, BOUND_MESSAGE).max(Number.MAX_SAFE_INTEGER, BOUND_MESSAGE);

/** A field at one level of its hierarchy; level omitted = the field's default level. */
export const FieldRefSchema = z.object({
  field: Id,
  level: Id.optional(),
});
export type FieldRef = z.infer<typeof FieldRefSchema>;

export const FilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in'), field: Id, level: Id.optional(), codes: z.array(Code).min(1).max(500) }),
  z.object({ kind: z.literal('not-in'), field: Id, level: Id.optional(), codes: z.array(Code).min(1).max(500) }),
  z.object({ kind: z.literal('range'), field: Id, low: Bound, high: Bound }),
  /** Codes starting with `prefix` at the field's finest level (e.g. 'J18' under diag_01). */
  z.object({ kind: z.literal('code-prefix'), field: Id, prefix: z.string().min(1).max(8).regex(/^[A-Za-z0-9]+$/) }),
]);
export type Filter = z.infer<typeof FilterSchema>;

export const SortSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('label'), direction: z.enum(['asc', 'desc']) }),
  z.object({ by: z.literal('code'), direction: z.enum(['asc', 'desc']) }),
  /** By a measure's protected value in one column (ties by code). `column` = the codes of a
   *  column header (PivotResult.columns[c].codes; [] is the total column); omitted = the total
   *  column. Codes may be '' (a "Not recorded" column), so they are not `Code`s. */
  z.object({ by: z.literal('measure'), measure: Id, direction: z.enum(['asc', 'desc']), column: z.array(z.string().max(64)).max(2).optional() }),
]);
export type Sort = z.infer<typeof SortSchema>;

export const PivotQuerySchema = z.object({
  dataset: DatasetIdSchema,
  years: z.array(z.string().regex(/^\d{4}$/, 'a financial year code such as 2324')).min(1).max(20),
  rows: z.array(FieldRefSchema).max(3).default([]),
  columns: z.array(FieldRefSchema).max(2).default([]),
  measures: z.array(Id).min(1).max(8),
  filters: z.array(FilterSchema).max(20).default([]),
  sort: SortSchema.optional(),
  /** Keep the first N top-level rows (with their subtrees) after sorting (top-N). */
  limit: z.number().int().min(1).max(10_000).optional(),
  /** With `limit`: one more row, "Other", holding the top-level rows past the limit as one group. */
  other: z.boolean().default(false),
  totals: z.boolean().default(true),
});
export type PivotQuery = z.infer<typeof PivotQuerySchema>;
export type PivotQueryInput = z.input<typeof PivotQuerySchema>;
