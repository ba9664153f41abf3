// The A&E dataset: one row per attendance, HES A&E to 2019-20 and ECDS (mapped onto the HES A&E
// codes) from 2020-21 (hes-data.md §1.4, §2.4).
import { AE_COLUMNS } from '../parquet-columns';
import type { Dataset } from '../../shared/catalogue/catalogue-types';
import { AE_MEASURES } from './ae-measures';
import { patientFields, providerField, residenceFields, timeField } from './common-fields';
import { ageYearsSql } from './derived-sql';
import { arrivalHourSql, arrivalWeekdaySql, depdurBandSql, unplannedSql } from './derived-sql-ae';
import { flatField, numberField } from './define-field';

export function buildAe(years: readonly string[]): Dataset {
  return {
    id: 'ae', label: 'A&E', table: 'ae', years: [...years], baseWhere: null, recordKey: 'aekey',
    columns: AE_COLUMNS.filter(([, type]) => type !== 'VARCHAR[]').map(([name]) => name),
    description: 'Accident and emergency attendances in England by arrival date: HES A&E to 2019-20, the Emergency Care Data Set from 2020-21, on one set of codes. Synthetic data.',
    defaultMeasure: 'attendances',
    measures: [...AE_MEASURES],
    fields: [
      timeField('arrival'),
      ...patientFields('arrivalage', 'at arrival'),
      ...residenceFields,
      providerField,
      flatField({ id: 'aedepttype', label: 'Department type', group: 'Attendance',
        description: 'Type 1 major emergency department, type 2 single-specialty, type 3 minor injury unit or other, type 4 walk-in centre.' }),
      flatField({ id: 'aeattendcat', label: 'Attendance category', group: 'Attendance',
        description: 'First attendance, or planned or unplanned follow-up at the same department.' }),
      flatField({ id: 'aeattend_exc_planned', label: 'Unplanned attendance', group: 'Attendance', sql: unplannedSql,
        description: 'Whether the attendance was unplanned (anything but a planned follow-up).' }),
      flatField({ id: 'aearrivalmode', label: 'Arrival mode', group: 'Attendance',
        description: 'Whether the patient arrived by ambulance (including air ambulance) or by other means.' }),
      flatField({ id: 'aerefsource', label: 'Source of referral', group: 'Attendance',
        description: 'Who sent the patient to A&E, e.g. self-referral, GP, emergency services or police.' }),
      flatField({ id: 'aepatgroup', label: 'Patient group', group: 'Attendance',
        description: 'Reason for attendance, e.g. road traffic accident, assault or self-harm. Not collected in ECDS years (shown as not known).' }),
      flatField({ id: 'aeincloctype', label: 'Incident location type', group: 'Attendance',
        description: 'Where the incident happened: home, work, school, a public place or elsewhere. Not collected in ECDS years.' }),
      flatField({ id: 'acuity', label: 'Acuity', group: 'Attendance',
        description: 'Clinical urgency assessed at arrival, from immediate resuscitation to low acuity. ECDS years (2020-21 on) only; empty before.' }),
      flatField({ id: 'aeattenddisp', label: 'Attendance disposal', group: 'Attendance',
        description: 'How the attendance ended: admitted, discharged with or without follow-up, referred, transferred, left or died.' }),
      flatField({ id: 'depdur_band', label: 'Time in department band', group: 'Attendance', sql: depdurBandSql,
        description: 'Minutes from arrival to departure, banded; the first four bands together are the 4-hour standard.' }),
      flatField({ id: 'arrival_hour', label: 'Hour of arrival', group: 'Attendance', sql: arrivalHourSql,
        description: 'Hour of the day the patient arrived.' }),
      flatField({ id: 'arrival_weekday', label: 'Day of arrival', group: 'Attendance', sql: arrivalWeekdaySql,
        description: 'Day of the week the patient arrived, Monday first.' }),
      flatField({ id: 'datasource', label: 'Data source', group: 'Data source',
        description: 'HES A&E (to 2019-20) or the Emergency Care Data Set (from 2020-21), so any table can show the break in collection.' }),
      numberField({ id: 'arrivalage', label: 'Age at arrival', group: 'Patient', unit: 'years', min: 0, max: 120, sql: ageYearsSql('arrivalage'),
        description: 'Age in whole years at arrival (120 = 120 or over); infants under 1 count as 0. For range filters only.' }),
      numberField({ id: 'depdur', label: 'Time in department (minutes)', group: 'Attendance', unit: 'minutes', min: 0, max: 14400,
        description: 'Minutes from arrival to leaving the department; the basis of the 4-hour standard.' }),
    ],
  };
}
