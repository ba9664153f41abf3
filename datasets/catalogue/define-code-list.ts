// Small constructors that keep the code-list files readable: one tuple per code.
// Entries marked 'unknown' are the not-known / not-applicable codes of hes-data.md §1.6.
import type { CodeEntry, CodeList } from '../../shared/catalogue/catalogue-types';

export type CodeTuple = readonly [code: string, label: string, flag?: 'unknown'];

export function codeList(id: string, label: string, entries: readonly CodeTuple[]): CodeList {
  return { id, label, codes: entries.map(([code, text, flag]) => entry(code, text, flag === 'unknown')) };
}

/** A code entry without undefined-valued keys (exactOptionalPropertyTypes). */
export function entry(code: string, label: string, unknown = false, parent?: string | null): CodeEntry {
  return {
    code,
    label,
    ...(unknown ? { unknown: true as const } : {}),
    ...(parent === undefined || parent === null ? {} : { parent }),
  };
}
