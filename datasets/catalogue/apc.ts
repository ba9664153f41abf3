// The Admitted Patient Care dataset: one row per consultant episode (hes-data.md §1.2, §2.2).
import { APC_COLUMNS } from '../parquet-columns';
import type { Dataset } from '../../shared/catalogue/catalogue-types';
import { APC_MEASURES } from './apc-measures';
import { anyDiagnosisField, anyProcedureField, mainProcedureField, primaryDiagnosisField } from './clinical-fields';
import { patientFields, providerField, residenceFields, specialtyFields, timeField } from './common-fields';
import { admimethGroupSql, admimethPubSql, emergencySql, losBandSql } from './derived-sql-apc';
import { ageYearsSql } from './derived-sql';
import { flatField, numberField } from './define-field';

export function buildApc(years: readonly string[]): Dataset {
  return {
    id: 'apc', label: 'Admitted Patient Care', table: 'apc', years: [...years], baseWhere: null, recordKey: 'epikey',
    columns: APC_COLUMNS.filter(([, type]) => type !== 'VARCHAR[]').map(([name]) => name),
    description: 'Hospital admissions in England: one record per consultant episode, counted in the financial year the episode ends. Synthetic data.',
    defaultMeasure: 'fce',
    measures: [...APC_MEASURES],
    fields: [
      timeField('the end of the episode'),
      ...patientFields('startage', 'at the start of the episode'),
      ...residenceFields,
      providerField,
      flatField({ id: 'admimeth', label: 'Method of admission', group: 'Admission',
        description: 'How the patient was admitted: elective (waiting list, booked, planned), emergency (by route), maternity, or other (transfers, births).' }),
      flatField({ id: 'admimeth_group', label: 'Admission method group', group: 'Admission', sql: admimethGroupSql,
        description: 'Method of admission grouped into emergency, elective waiting list (incl. booked), elective planned, maternity and other.' }),
      flatField({ id: 'admimeth_pub', label: 'Admission method (publication groups)', group: 'Admission', sql: admimethPubSql,
        description: 'The four groups of the HES summary tables: emergency, waiting list, planned and other (maternity, transfers, births).' }),
      flatField({ id: 'emergency', label: 'Emergency admission', group: 'Admission', sql: emergencySql,
        description: 'Whether the admission was an emergency (method of admission starting with 2).' }),
      flatField({ id: 'admisorc', label: 'Source of admission', group: 'Admission',
        description: 'Where the patient was immediately before admission, e.g. usual residence, another NHS provider or a care home.' }),
      flatField({ id: 'classpat', label: 'Patient classification', group: 'Admission',
        description: 'Ordinary admission, day case, regular day or night attender, or mothers and babies using delivery facilities only. Regular attenders are outside every measure.' }),
      flatField({ id: 'intmanig', label: 'Intended management', group: 'Admission',
        description: 'Whether the patient was expected to stay at least one night when the decision to admit was made.' }),
      flatField({ id: 'admincat', label: 'Administrative category', group: 'Admission',
        description: 'Whether the patient was treated as an NHS, private, amenity or category II patient.' }),
      flatField({ id: 'epitype', label: 'Episode type', group: 'Episode',
        description: 'General, delivery, birth, other maternity event, or (to 2016-17) formally detained or long-stay psychiatric episode.' }),
      flatField({ id: 'epiorder', label: 'Episode order', group: 'Episode',
        description: 'Position of the episode within its spell; 01 is the admission episode.' }),
      flatField({ id: 'spelbgin', label: 'Beginning of spell', group: 'Episode',
        description: 'Whether the episode is the first of a spell, and whether that spell began in this or a previous year.' }),
      flatField({ id: 'spelend', label: 'End of spell', group: 'Episode',
        description: 'Whether the episode is the last of a finished spell.' }),
      ...specialtyFields('Episode'),
      flatField({ id: 'dismeth', label: 'Method of discharge', group: 'Discharge',
        description: 'How the spell ended: on clinical advice, self-discharge, by tribunal or court, death or stillbirth. Earlier episodes of a spell are "not applicable".' }),
      flatField({ id: 'disdest', label: 'Destination on discharge', group: 'Discharge',
        description: 'Where the patient went at the end of the spell, e.g. usual residence, a care home or another NHS provider.' }),
      flatField({ id: 'los_band', label: 'Length of stay band', group: 'Discharge', sql: losBandSql,
        description: 'Length of the spell in days, banded. Only the last episode of a spell has a final length of stay.' }),
      primaryDiagnosisField('Chapters are found by walking the ICD-10 tree, never from the first letter.'),
      anyDiagnosisField,
      flatField({ id: 'cause', label: 'External cause', group: 'Clinical', codeList: 'icd10_4', showCodes: true, granularity: 'fine-code',
        description: 'The first external-cause code (ICD-10 chapter XX, V01-Y98) among the diagnoses, e.g. the kind of accident behind an injury.' }),
      mainProcedureField('Codes come from a curated subset of OPCS-4 until a full table is loaded.'),
      anyProcedureField,
      flatField({ id: 'operstat', label: 'Operation status', group: 'Clinical',
        description: 'Whether the patient had an operation during the episode.' }),
      numberField({ id: 'startage', label: 'Age at start of episode', group: 'Patient', unit: 'years', min: 0, max: 120, sql: ageYearsSql('startage'),
        description: 'Age in whole years at the start of the episode (120 = 120 or over); infants under 1 count as 0. For range filters only.' }),
      numberField({ id: 'speldur', label: 'Length of stay (days)', group: 'Discharge', unit: 'days', min: 0, max: 29200,
        description: 'Days from admission to the end of the episode; 0 for same-day stays. Final only on the last episode of a spell.' }),
      numberField({ id: 'epidur', label: 'Episode duration (days)', group: 'Episode', unit: 'days', min: 0, max: 29200,
        description: 'Days from the start to the end of the episode.' }),
    ],
  };
}
