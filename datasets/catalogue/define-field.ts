// Constructors for catalogue fields, so each dataset file reads as a list of declarations.
import type { CodeField, FieldGroup, Level, NumberField, SqlExpr } from '../../shared/catalogue/catalogue-types';

interface FieldText {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly group: FieldGroup;
}

/** A field with one level: its own id as level id; SQL and code list default to the field id. */
export function flatField(f: FieldText & { sql?: SqlExpr; codeList?: string; showCodes?: boolean; granularity?: Level['granularity'] }): CodeField {
  return {
    id: f.id, label: f.label, description: f.description, group: f.group, type: 'code',
    levels: [{ id: f.id, label: f.label, sql: f.sql ?? f.id, codeList: f.codeList ?? f.id, ...(f.granularity ? { granularity: f.granularity } : {}) }],
    defaultLevel: f.id,
    ...(f.showCodes === true ? { showCodes: true as const } : {}),
  };
}

/** A hierarchy field; levels coarsest first. */
export function hierarchyField(f: FieldText & { levels: readonly Level[]; defaultLevel: string; multiValued?: boolean; showCodes?: boolean }): CodeField {
  return {
    id: f.id, label: f.label, description: f.description, group: f.group, type: 'code',
    levels: [...f.levels], defaultLevel: f.defaultLevel,
    ...(f.multiValued === true ? { multiValued: true as const } : {}),
    ...(f.showCodes === true ? { showCodes: true as const } : {}),
  };
}

export function numberField(f: FieldText & { sql?: SqlExpr; unit: string; min: number; max: number }): NumberField {
  return {
    id: f.id, label: f.label, description: f.description, group: f.group, type: 'number',
    sql: f.sql ?? f.id, unit: f.unit, min: f.min, max: f.max,
  };
}
