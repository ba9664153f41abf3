// Outpatient code lists (hes-data.md §2.3, §2.6).
import type { CodeList } from '../../shared/catalogue/catalogue-types';
import { codeList } from './define-code-list';

const attended = codeList('attended', 'Attendance status', [
  ['2', 'Cancelled by, or on behalf of, the patient'], ['3', 'Did not attend, no advance warning'],
  ['4', 'Cancelled or postponed by the provider'], ['5', 'Seen (on time, or before the clinician was ready)'],
  ['6', 'Arrived late, but was seen'], ['7', 'Arrived late and could not be seen (DNA)'], ['9', 'Not known', 'unknown'],
]);

const attendStatus = codeList('attend_status', 'Attendance outcome group', [
  ['attended', 'Attended'], ['dna', 'Did not attend'], ['patient_cancelled', 'Cancelled by patient'],
  ['hospital_cancelled', 'Cancelled by hospital'], ['not_known', 'Not known', 'unknown'],
]);

const firstatt = codeList('firstatt', 'First or follow-up attendance', [
  ['1', 'First attendance, face to face'], ['2', 'Follow-up attendance, face to face'],
  ['3', 'First attendance, telephone or telemedicine'], ['4', 'Follow-up attendance, telephone or telemedicine'],
  ['X', 'Not known', 'unknown'], ['9', 'Not known (before 2008-09)', 'unknown'],
]);

const firstFollowup = codeList('first_followup', 'First or follow-up', [
  ['first', 'First attendance'], ['followup', 'Follow-up attendance'], ['not_known', 'Not known', 'unknown'],
]);

const medium = codeList('medium', 'Consultation medium', [
  ['face_to_face', 'Face to face'], ['remote', 'Telephone or telemedicine'], ['not_known', 'Not known', 'unknown'],
]);

const outcome = codeList('outcome', 'Outcome of attendance', [
  ['1', "Discharged from consultant's care"], ['2', 'Another appointment given'],
  ['3', 'Appointment to be made at a later date'], ['9', 'Not known', 'unknown'],
]);

const priority = codeList('priority', 'Priority type', [
  ['1', 'Routine'], ['2', 'Urgent'], ['3', 'Two-week wait (suspected cancer)'], ['9', 'Not known', 'unknown'],
]);

const refsourc = codeList('refsourc', 'Source of referral', [
  ['01', 'Consultant-initiated: following an emergency admission'],
  ['02', 'Consultant-initiated: following a domiciliary consultation'],
  ['10', 'Consultant-initiated: following an A&E attendance'], ['11', 'Consultant-initiated: other'],
  ['03', 'General medical practitioner'], ['04', 'A&E department'], ['05', 'Another consultant (not A&E)'],
  ['06', 'Self-referral'], ['07', 'Prosthetist'], ['12', 'GP with a special interest'], ['13', 'Specialist nurse'],
  ['14', 'Allied health professional'], ['15', 'Optometrist'], ['16', 'Orthoptist'],
  ['17', 'National screening programme'], ['92', 'General dental practitioner'], ['93', 'Community dental service'],
  ['08', 'Other'], ['97', 'Other (not consultant-initiated)'], ['99', 'Not known', 'unknown'],
]);

const stafftyp = codeList('stafftyp', 'Staff type', [
  ['01', 'Consultant (to March 2005)'], ['02', "Member of consultant's firm (to March 2005)"],
  ['03', 'Lead care professional'], ['04', 'Member of care professional team'],
  ['08', 'Not applicable', 'unknown'], ['09', 'Not known', 'unknown'], ['99', 'Not known', 'unknown'],
]);

export const OP_CODE_LISTS: readonly CodeList[] = [
  attended, attendStatus, firstatt, firstFollowup, medium, outcome, priority, refsourc, stafftyp,
];
