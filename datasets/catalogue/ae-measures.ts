// A&E measures (hes-data.md §4.3). Totals include planned follow-ups; the 4-hour share uses
// attendances with a recorded time in department as its denominator.
import type { Measure } from '../../shared/catalogue/catalogue-types';
import { count, ratio, statistic } from './define-measure';

export const AE_MEASURES: readonly Measure[] = [
  count({ id: 'attendances', label: 'Attendances', unit: 'attendances', where: [],
    description: 'All A&E attendances, all department types and attendance categories.' }),
  count({ id: 'unplanned_attendances', label: 'Unplanned attendances', unit: 'attendances', where: [`aeattendcat <> '2'`],
    description: 'Attendances excluding planned follow-ups.' }),
  count({ id: 'admitted', label: 'Admitted', unit: 'attendances', where: [`aeattenddisp = '01'`],
    description: 'Attendances ending in admission to a hospital bed (or as a lodged patient).' }),
  count({ id: 'ambulance_arrivals', label: 'Ambulance arrivals', unit: 'attendances', where: [`aearrivalmode = '1'`],
    description: 'Attendances arriving by ambulance, including air ambulance.' }),
  count({ id: 'within_4h', label: 'Within 4 hours', unit: 'attendances', where: ['depdur <= 240'],
    description: 'Attendances admitted, transferred or discharged within 4 hours (240 minutes) of arrival.' }),
  count({ id: 'attendances_timed', label: 'Attendances with a departure time', unit: 'attendances', where: ['depdur IS NOT NULL'], hidden: true,
    description: 'Attendances with a recorded time in department (the denominator of % within 4 hours).' }),
  count({ id: 'over_12h', label: 'Over 12 hours in department', unit: 'attendances', where: ['depdur > 720'],
    description: 'Attendances spending more than 12 hours in the department from arrival.' }),
  count({ id: 'dta_over_12h', label: 'Over 12 hours from decision to admit', unit: 'attendances', where: ['decdur IS NOT NULL', 'depdur - decdur > 720'],
    description: 'Attendances leaving more than 12 hours after the decision to admit ("trolley waits"). Decision times exist from 2020-21 (ECDS) only.' }),
  count({ id: 'patients', label: 'Patients', unit: 'patients', where: [], distinctOf: 'person_id',
    description: 'Distinct patients with at least one attendance in the cell.' }),
  statistic({ id: 'time_in_dept_median', label: 'Median time in department (minutes)', unit: 'attendances', aggregate: 'median', of: 'depdur', where: [], decimals: 0,
    description: 'Median minutes from arrival to leaving the department.' }),
  statistic({ id: 'time_in_dept_mean', label: 'Mean time in department (minutes)', unit: 'attendances', aggregate: 'mean', of: 'depdur', where: [],
    description: 'Mean minutes from arrival to leaving the department.' }),
  ratio({ id: 'pct_within_4h', label: '% within 4 hours', unit: 'attendances', numerator: 'within_4h', denominator: 'attendances_timed', multiplier: 100,
    description: 'Attendances within 4 hours as a percentage of attendances with a recorded time in department, all attendance categories. The standard is 95%.' }),
  ratio({ id: 'pct_admitted', label: '% admitted', unit: 'attendances', numerator: 'admitted', denominator: 'attendances', multiplier: 100,
    description: 'Admitted attendances as a percentage of all attendances.' }),
];
