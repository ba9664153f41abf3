// APC measures with the exact HES counting rules of hes-data.md §4.1. Every measure starts
// from the FCE condition (finished episodes, regular attenders excluded), so baseWhere is null.
import type { Measure } from '../../shared/catalogue/catalogue-types';
import { count, ratio, statistic, sum } from './define-measure';

export const FCE = `epistat = '3' AND classpat NOT IN ('3','4')`;
const FAE = [FCE, `epiorder = '01'`];
const FDE = [FCE, `dismeth IN ('1','2','3','4','5')`];
const ELECTIVE = `admimeth IN ('11','12','13')`;

export const APC_MEASURES: readonly Measure[] = [
  count({ id: 'fce', label: 'Finished consultant episodes', unit: 'episodes', where: [FCE],
    description: 'Finished consultant episodes (FCEs): periods of care under one consultant. Counts activity, not patients; a stay can have several episodes.' }),
  count({ id: 'fae', label: 'Admissions (FAEs)', unit: 'spells', where: FAE,
    description: 'Finished admission episodes: the first episode of each spell, counted in the year it ends. Includes transfers in and births.' }),
  count({ id: 'admissions_excl_transfers', label: 'Admissions excluding transfers', unit: 'spells', where: [...FAE, `admimeth NOT IN ('2B','81')`],
    description: 'Admissions (FAEs) excluding transfers from another provider (admission methods 2B and 81). A product measure, not a HES standard.' }),
  count({ id: 'emergency_fae', label: 'Emergency admissions', unit: 'spells', where: [...FAE, `admimeth LIKE '2%'`],
    description: 'Admissions (FAEs) with an emergency method of admission (codes starting 2).' }),
  count({ id: 'elective_fae', label: 'Elective admissions', unit: 'spells', where: [...FAE, ELECTIVE],
    description: 'Admissions (FAEs) from the waiting list, booked or planned (methods 11, 12, 13).' }),
  count({ id: 'fde', label: 'Discharges (FDEs)', unit: 'spells', where: FDE,
    description: 'Finished discharge episodes: the last episode of each finished spell (discharge methods 1-5).' }),
  count({ id: 'deaths', label: 'In-hospital deaths', unit: 'spells', where: [...FDE, `dismeth = '4'`],
    description: 'Spells ending with the death of the patient in hospital (discharge method 4).' }),
  count({ id: 'day_case_fce', label: 'Day case episodes', unit: 'episodes', where: [FCE, `classpat = '2'`],
    description: 'FCEs for planned day cases (patient classification 2).' }),
  count({ id: 'ordinary_fce', label: 'Ordinary episodes', unit: 'episodes', where: [FCE, `classpat <> '2'`],
    description: 'FCEs that are not day cases; with day case episodes they add up to all FCEs.' }),
  count({ id: 'day_case_fae', label: 'Day case admissions', unit: 'spells', where: [...FAE, `classpat = '2'`],
    description: 'Admissions (FAEs) for planned day cases.' }),
  count({ id: 'ordinary_fae', label: 'Ordinary admissions', unit: 'spells', where: [...FAE, `classpat <> '2'`],
    description: 'Admissions (FAEs) that are not day cases.' }),
  count({ id: 'spells', label: 'Spells', unit: 'spells', where: [FCE], distinctOf: 'spell_id',
    description: 'Distinct hospital stays (spells) with at least one FCE in the cell.' }),
  count({ id: 'patients', label: 'Patients', unit: 'patients', where: [FCE], distinctOf: 'person_id',
    description: 'Distinct patients with at least one FCE in the cell. Patients in several cells are counted in each.' }),
  sum({ id: 'fce_bed_days', label: 'FCE bed days', unit: 'episodes', where: [FCE], of: `CASE WHEN classpat = '2' THEN 0 ELSE epidur END`,
    description: 'Sum of episode durations in days, day cases counting 0.' }),
  sum({ id: 'bed_days_in_year', label: 'Bed days in year', unit: 'episodes', where: [FCE], of: 'bedyear',
    description: 'Sum of the days of each episode that fall inside the financial year.' }),
  statistic({ id: 'los_mean', label: 'Mean length of stay (days)', unit: 'spells', aggregate: 'mean', of: 'speldur', where: [...FDE, 'speldur_calc IS NOT NULL'],
    description: 'Mean length of stay of finished spells in days, day cases excluded, same-day ordinary stays counting 0. Grouped by the spell\'s last episode.' }),
  statistic({ id: 'los_median', label: 'Median length of stay (days)', unit: 'spells', aggregate: 'median', of: 'speldur', where: [...FDE, 'speldur_calc IS NOT NULL'],
    description: 'Median length of stay of finished spells in days, day cases excluded.' }),
  statistic({ id: 'los_mean_incl_day_cases', label: 'Mean length of stay incl. day cases (days)', unit: 'spells', aggregate: 'mean', of: 'speldur', where: FDE,
    description: 'Mean length of stay of finished spells in days, day cases included (counting 0).' }),
  statistic({ id: 'mean_age', label: 'Mean age (years)', unit: 'episodes', aggregate: 'mean', of: 'startage_calc', where: [FCE],
    description: 'Mean age at the start of the episode, infants counted in fractions of a year.' }),
  statistic({ id: 'elecdur_mean', label: 'Mean time waited (days)', unit: 'spells', aggregate: 'mean', of: 'elecdur', where: [...FAE, ELECTIVE],
    description: 'Mean days from the decision to admit to admission, elective admissions only.' }),
  statistic({ id: 'elecdur_median', label: 'Median time waited (days)', unit: 'spells', aggregate: 'median', of: 'elecdur', where: [...FAE, ELECTIVE],
    description: 'Median days from the decision to admit to admission, elective admissions only.' }),
  ratio({ id: 'pct_emergency', label: '% emergency admissions', unit: 'spells', numerator: 'emergency_fae', denominator: 'fae', multiplier: 100,
    description: 'Emergency admissions as a percentage of all admissions (FAEs), from the disclosure-controlled counts.' }),
  ratio({ id: 'pct_day_case', label: '% day case episodes', unit: 'episodes', numerator: 'day_case_fce', denominator: 'fce', multiplier: 100,
    description: 'Day case episodes as a percentage of all FCEs, from the disclosure-controlled counts.' }),
];
