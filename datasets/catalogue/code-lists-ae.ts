// A&E code lists: the canonical HES A&E set, with ECDS years mapped onto it (hes-data.md §1.4,
// §2.4, §2.6).
import type { CodeList } from '../../shared/catalogue/catalogue-types';
import { codeList } from './define-code-list';
import { DEPDUR_BANDS } from './derived-sql-ae';

const aearrivalmode = codeList('aearrivalmode', 'Arrival mode', [
  ['1', 'Ambulance (incl. helicopter or air ambulance)'], ['2', 'Other'], ['9', 'Not known', 'unknown'],
]);

const aeattendcat = codeList('aeattendcat', 'Attendance category', [
  ['1', 'First attendance'], ['2', 'Planned follow-up attendance'], ['3', 'Unplanned follow-up attendance'],
  ['9', 'Not known', 'unknown'],
]);

const aeattendExcPlanned = codeList('aeattend_exc_planned', 'Unplanned attendance', [
  ['1', 'Unplanned attendance'], ['0', 'Planned follow-up'],
]);

const aeattenddisp = codeList('aeattenddisp', 'Attendance disposal', [
  ['01', 'Admitted to a hospital bed or became a lodged patient'], ['02', 'Discharged, GP follow-up'],
  ['03', 'Discharged, no follow-up'], ['04', 'Referred to A&E clinic'], ['05', 'Referred to fracture clinic'],
  ['06', 'Referred to other outpatient clinic'], ['07', 'Transferred to other provider'],
  ['10', 'Died in department'], ['11', 'Referred to other health care professional'],
  ['12', 'Left department before being treated'], ['13', 'Left department having refused treatment'],
  ['14', 'Other'], ['99', 'Not known', 'unknown'],
]);

const aedepttype = codeList('aedepttype', 'Department type', [
  ['01', 'Type 1: consultant-led 24-hour emergency department'], ['02', 'Type 2: consultant-led single-specialty'],
  ['03', 'Type 3: other A&E, minor injury unit or walk-in'], ['04', 'Type 4: NHS walk-in centre'],
  ['99', 'Not known', 'unknown'],
]);

const aepatgroup = codeList('aepatgroup', 'Patient group', [
  ['10', 'Road traffic accident'], ['20', 'Assault'], ['30', 'Deliberate self-harm'], ['40', 'Sports injury'],
  ['50', 'Firework injury'], ['60', 'Other accident'], ['70', 'Brought in dead'], ['80', 'Other'],
  ['99', 'Not known (all ECDS years)', 'unknown'],
]);

const aerefsource = codeList('aerefsource', 'Source of referral', [
  ['00', 'General medical practitioner'], ['01', 'Self-referral'], ['02', 'Local authority social services'],
  ['03', 'Emergency services'], ['04', 'Work'], ['05', 'Educational establishment'], ['06', 'Police'],
  ['07', 'Health care provider'], ['08', 'Other'], ['92', 'General dental practitioner'],
  ['93', 'Community dental service'], ['99', 'Not known', 'unknown'],
]);

const aeincloctype = codeList('aeincloctype', 'Incident location type', [
  ['10', 'Home'], ['40', 'Work'], ['50', 'Educational establishment'], ['60', 'Public place'], ['91', 'Other'],
  ['99', 'Not known (all ECDS years)', 'unknown'],
]);

const acuity = codeList('acuity', 'Acuity (ECDS)', [
  ['1', 'Immediate resuscitation'], ['2', 'Very urgent'], ['3', 'Urgent'], ['4', 'Standard'], ['5', 'Low acuity'],
]);

const datasource = codeList('datasource', 'Data source', [
  ['HESAE', 'HES A&E (to 2019-20)'], ['ECDS', 'Emergency Care Data Set (from 2020-21)'],
]);

const depdurBand = codeList('depdur_band', 'Time in department band', [
  ...DEPDUR_BANDS.map(([code, , label]) => [code, label] as const),
  ['Unknown', 'Not known', 'unknown'],
]);

const arrivalHour = codeList('arrival_hour', 'Hour of arrival', [
  ...Array.from({ length: 24 }, (_, h) => {
    const hh = String(h).padStart(2, '0');
    return [hh, `${hh}:00-${hh}:59`] as const;
  }),
  ['Unknown', 'Not known', 'unknown'],
]);

const arrivalWeekday = codeList('arrival_weekday', 'Day of arrival', [
  ['1', 'Monday'], ['2', 'Tuesday'], ['3', 'Wednesday'], ['4', 'Thursday'], ['5', 'Friday'], ['6', 'Saturday'],
  ['7', 'Sunday'], ['Unknown', 'Not known', 'unknown'],
]);

export const AE_CODE_LISTS: readonly CodeList[] = [
  aearrivalmode, aeattendcat, aeattendExcPlanned, aeattenddisp, aedepttype, aepatgroup, aerefsource, aeincloctype,
  acuity, datasource, depdurBand, arrivalHour, arrivalWeekday,
];
