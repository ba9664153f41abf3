// The Outpatients dataset: one row per appointment, attended or not (hes-data.md §1.3, §2.3).
import { OP_COLUMNS } from '../parquet-columns';
import type { Dataset } from '../../shared/catalogue/catalogue-types';
import { mainProcedureField, primaryDiagnosisField } from './clinical-fields';
import { patientFields, providerField, residenceFields, specialtyFields, timeField } from './common-fields';
import { ageYearsSql } from './derived-sql';
import { attendStatusSql, firstFollowupSql, mediumSql } from './derived-sql-op';
import { flatField, numberField } from './define-field';
import { OP_MEASURES } from './op-measures';

export function buildOp(years: readonly string[]): Dataset {
  return {
    id: 'op', label: 'Outpatients', table: 'op', years: [...years], baseWhere: null, recordKey: 'attendkey',
    columns: OP_COLUMNS.filter(([, type]) => type !== 'VARCHAR[]').map(([name]) => name),
    description: 'Outpatient appointments in England: one record per appointment, including missed and cancelled ones, by appointment date. Synthetic data.',
    defaultMeasure: 'appointments',
    measures: [...OP_MEASURES],
    fields: [
      timeField('the appointment'),
      ...patientFields('apptage', 'at the appointment'),
      ...residenceFields,
      providerField,
      flatField({ id: 'attended', label: 'Attendance status', group: 'Appointment',
        description: 'What happened to the appointment: seen, seen late, did not attend, or cancelled by the patient or the provider.' }),
      flatField({ id: 'attend_status', label: 'Attendance outcome group', group: 'Appointment', sql: attendStatusSql,
        description: 'Attendance status grouped into attended, did not attend, cancelled by patient and cancelled by hospital.' }),
      flatField({ id: 'firstatt', label: 'First or follow-up attendance', group: 'Appointment',
        description: 'Whether the appointment was a first or follow-up one, and face to face or by telephone/telemedicine.' }),
      flatField({ id: 'first_followup', label: 'First or follow-up', group: 'Appointment', sql: firstFollowupSql,
        description: 'First or follow-up appointment, whatever the medium.' }),
      flatField({ id: 'medium', label: 'Consultation medium', group: 'Appointment', sql: mediumSql,
        description: 'Face to face or remote (telephone or telemedicine) appointment.' }),
      flatField({ id: 'outcome', label: 'Outcome of attendance', group: 'Appointment',
        description: 'What was decided at an attended appointment: discharge, another appointment, or one to be made later. Empty for appointments not attended.' }),
      flatField({ id: 'priority', label: 'Priority type', group: 'Appointment',
        description: 'Priority given to the referral: routine, urgent or two-week wait (suspected cancer).' }),
      flatField({ id: 'refsourc', label: 'Source of referral', group: 'Appointment',
        description: 'Who referred the patient, e.g. a GP, another consultant, A&E or self-referral.' }),
      flatField({ id: 'stafftyp', label: 'Staff type', group: 'Appointment',
        description: 'The kind of professional the patient saw: lead care professional or a member of the team.' }),
      ...specialtyFields('Appointment'),
      flatField({ id: 'admincat', label: 'Administrative category', group: 'Patient',
        description: 'Whether the patient was seen as an NHS, private, amenity or category II patient.' }),
      primaryDiagnosisField('Poorly completed in outpatient records.'),
      mainProcedureField('Codes come from a curated subset of OPCS-4 until a full table is loaded.'),
      numberField({ id: 'apptage', label: 'Age at appointment', group: 'Patient', unit: 'years', min: 0, max: 120, sql: ageYearsSql('apptage'),
        description: 'Age in whole years at the appointment (120 = 120 or over); infants under 1 count as 0. For range filters only.' }),
      numberField({ id: 'waiting', label: 'Waiting time (days)', group: 'Appointment', unit: 'days', min: 0, max: 3650,
        description: 'Days from receipt of the referral (or the last missed appointment) to the appointment.' }),
    ],
  };
}
