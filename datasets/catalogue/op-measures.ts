// Outpatient measures (hes-data.md §4.2). Nothing is excluded from appointments; attendances
// are ATTENDED 5 and 6 only.
import type { Measure } from '../../shared/catalogue/catalogue-types';
import { count, ratio, statistic } from './define-measure';

const ATTENDED = `attended IN ('5','6')`;
const FIRST = `firstatt IN ('1','3')`;

export const OP_MEASURES: readonly Measure[] = [
  count({ id: 'appointments', label: 'Appointments', unit: 'appointments', where: [],
    description: 'All outpatient appointments, whether attended, missed or cancelled.' }),
  count({ id: 'attendances', label: 'Attendances', unit: 'attendances', where: [ATTENDED],
    description: 'Appointments at which the patient was seen (attended codes 5 and 6).' }),
  count({ id: 'dnas', label: 'Did not attends (DNAs)', unit: 'appointments', where: [`attended IN ('3','7')`],
    description: 'Appointments the patient missed without warning, or arrived too late to be seen.' }),
  count({ id: 'patient_cancellations', label: 'Cancelled by patient', unit: 'appointments', where: [`attended = '2'`],
    description: 'Appointments cancelled by, or on behalf of, the patient.' }),
  count({ id: 'hospital_cancellations', label: 'Cancelled by hospital', unit: 'appointments', where: [`attended = '4'`],
    description: 'Appointments cancelled or postponed by the provider.' }),
  count({ id: 'cancellations', label: 'Cancelled appointments', unit: 'appointments', where: [`attended IN ('2','4')`], hidden: true,
    description: 'Appointments cancelled by the patient or the provider (the numerator of % cancelled).' }),
  count({ id: 'first_attendances', label: 'First attendances', unit: 'attendances', where: [ATTENDED, FIRST],
    description: 'Attended first appointments, face to face or remote.' }),
  count({ id: 'followup_attendances', label: 'Follow-up attendances', unit: 'attendances', where: [ATTENDED, `firstatt IN ('2','4')`],
    description: 'Attended follow-up appointments, face to face or remote.' }),
  count({ id: 'patients', label: 'Patients', unit: 'patients', where: [], distinctOf: 'person_id',
    description: 'Distinct patients with at least one appointment in the cell.' }),
  ratio({ id: 'pct_attended', label: '% attended', unit: 'appointments', numerator: 'attendances', denominator: 'appointments', multiplier: 100,
    description: 'Attendances as a percentage of all appointments.' }),
  ratio({ id: 'dna_rate', label: 'DNA rate (%)', unit: 'appointments', numerator: 'dnas', denominator: 'appointments', multiplier: 100,
    description: 'Did-not-attends as a percentage of all appointments (the HES denominator).' }),
  ratio({ id: 'pct_cancelled', label: '% cancelled', unit: 'appointments', numerator: 'cancellations', denominator: 'appointments', multiplier: 100,
    description: 'Appointments cancelled by the patient or the provider as a percentage of all appointments.' }),
  ratio({ id: 'followup_ratio', label: 'Follow-up ratio', unit: 'attendances', numerator: 'followup_attendances', denominator: 'first_attendances', multiplier: 1, decimals: 2,
    description: 'Follow-up attendances per first attendance.' }),
  statistic({ id: 'waiting_median', label: 'Median wait (days)', unit: 'appointments', aggregate: 'median', of: 'waiting', where: [ATTENDED, FIRST],
    description: 'Median days from referral to a first attendance.' }),
];
