import type { PolicyCriterion, PolicyDocument, RedFlagRule } from '../../schemas/policy.js';

// The policy every organisation starts from (METHODOLOGY_MARKDOWN explains it, number by number, and its
// worked example is asserted by a test: change a number here and the methodology text with it).

const ilo = (n: number, key: string, name: string, weight: number, description: string): PolicyCriterion => ({
  key,
  name,
  group: 'ilo_indicator',
  weight,
  citation: `ILO Indicators of Forced Labour (2012), indicator ${n}: ${name}`,
  description,
});

const governance = (
  key: string,
  name: string,
  weight: number,
  citation: string,
  description: string,
): PolicyCriterion => ({
  key,
  name,
  group: 'governance',
  weight,
  citation,
  description,
});

const CRITERIA: PolicyCriterion[] = [
  ilo(
    1,
    'abuse_of_vulnerability',
    'Abuse of vulnerability',
    4,
    'Workers who depend on the employer (migrants, agency workers, those housed by the employer) get contracts in their own language and the same terms as others.',
  ),
  ilo(
    2,
    'deception',
    'Deception',
    4,
    'What workers were promised at recruitment (job, pay, hours, place) matches the written contract and the job they do.',
  ),
  ilo(
    3,
    'restriction_of_movement',
    'Restriction of movement',
    6,
    'Workers can leave the workplace and any employer housing freely outside working hours, and can end their employment on reasonable notice.',
  ),
  ilo(
    4,
    'isolation',
    'Isolation',
    4,
    'Workers can contact family, unions and outside help; sites and housing are not cut off, and workers know where they are.',
  ),
  ilo(
    5,
    'physical_and_sexual_violence',
    'Physical and sexual violence',
    4,
    'A written ban on violence and harassment, enforced, with incidents recorded and acted on.',
  ),
  ilo(
    6,
    'intimidation_and_threats',
    'Intimidation and threats',
    4,
    'No threats of dismissal, denunciation to authorities or harm to family used to keep workers working; discipline is written and proportionate.',
  ),
  ilo(
    7,
    'retention_of_identity_documents',
    'Retention of identity documents',
    6,
    'Workers keep their own passports and identity papers; any safekeeping is voluntary, in writing, and ends on request at once.',
  ),
  ilo(
    8,
    'withholding_of_wages',
    'Withholding of wages',
    6,
    'Wages are paid in full, on time, to the worker, with payslips; no deposits, no deferred pay, no unlawful deductions.',
  ),
  ilo(
    9,
    'debt_bondage',
    'Debt bondage',
    6,
    'No worker owes the employer, a recruiter or a lender connected to the job; loans and advances are small, voluntary and repaid on fair terms.',
  ),
  ilo(
    10,
    'abusive_working_and_living_conditions',
    'Abusive working and living conditions',
    4,
    'Workplaces and any employer housing meet health, safety and decency standards, checked and recorded.',
  ),
  ilo(
    11,
    'excessive_overtime',
    'Excessive overtime',
    6,
    'Hours and overtime stay within the law and are voluntary, shown by time records.',
  ),
  governance(
    'policy_commitment',
    'Policy commitment',
    5,
    'UN Guiding Principles on Business and Human Rights (2011), Principle 16; OECD Due Diligence Guidance for Responsible Business Conduct (2018), step 1',
    'A forced-labour and human-rights policy approved at the top, public, and passed on to recruiters and suppliers.',
  ),
  governance(
    'recruitment_fees_employer_pays',
    'No recruitment fees (employer pays)',
    8,
    'Employer Pays Principle; ILO General Principles and Operational Guidelines for Fair Recruitment (2019), general principle 7; ILO Private Employment Agencies Convention, 1997 (No. 181), Art. 7',
    'No worker pays recruitment fees or related costs; the employer bears them and repays any a worker was charged.',
  ),
  governance(
    'grievance_mechanism',
    'Grievance mechanism',
    7,
    'UN Guiding Principles on Business and Human Rights (2011), Principles 29 and 31',
    'A confidential channel, open to every worker including agency and migrant workers, in their languages, without retaliation, with cases tracked to an outcome.',
  ),
  governance(
    'audits',
    'Audits and monitoring',
    6,
    'UN Guiding Principles on Business and Human Rights (2011), Principle 20; OECD Due Diligence Guidance for Responsible Business Conduct (2018), step 4',
    'Independent social audits that include worker interviews, with findings corrected and re-checked.',
  ),
  governance(
    'training',
    'Training',
    4,
    'ILO Protocol of 2014 to the Forced Labour Convention, Art. 2; OECD Due Diligence Guidance for Responsible Business Conduct (2018), step 1',
    'Managers, supervisors, recruiters and workers trained on forced-labour risks and workers\u2019 rights.',
  ),
  governance(
    'sub_supplier_due_diligence',
    'Sub-supplier due diligence',
    6,
    'UN Guiding Principles on Business and Human Rights (2011), Principles 13(b) and 17; OECD Due Diligence Guidance for Responsible Business Conduct (2018), step 2',
    'The supplier maps its own suppliers and labour providers and applies these requirements to them.',
  ),
  governance(
    'wages_and_hours',
    'Wages and hours',
    6,
    'ILO Protection of Wages Convention, 1949 (No. 95); ILO Hours of Work (Industry) Convention, 1919 (No. 1)',
    'Pay at least the legal minimum, paid directly and regularly; working hours recorded and within the law.',
  ),
  governance(
    'age_verification',
    'Age verification',
    4,
    'ILO Minimum Age Convention, 1973 (No. 138); ILO Worst Forms of Child Labour Convention, 1999 (No. 182)',
    'Every worker\u2019s age is checked against reliable documents at hiring and records are kept; young workers are kept from hazardous work.',
  ),
];

const RED_FLAGS: RedFlagRule[] = [
  {
    key: 'child_labour_below_minimum_age',
    name: 'Children below the minimum working age',
    minRating: 'critical',
    citation:
      'ILO Minimum Age Convention, 1973 (No. 138), Art. 2; ILO Worst Forms of Child Labour Convention, 1999 (No. 182)',
    description: 'A worker is younger than the legal minimum working age.',
  },
  {
    key: 'debt_bondage',
    name: 'Debt bondage',
    minRating: 'critical',
    citation:
      'ILO Indicators of Forced Labour (2012), indicator 9; UN Supplementary Convention on the Abolition of Slavery (1956), Art. 1(a)',
    description: 'Workers work off a debt to the employer or a recruiter and cannot leave until it is paid.',
  },
  {
    key: 'identity_documents_retained',
    name: 'Identity documents retained',
    minRating: 'high',
    citation: 'ILO Indicators of Forced Labour (2012), indicator 7',
    description:
      'The employer or a recruiter holds workers\u2019 passports or identity papers and does not hand them back on request.',
  },
  {
    key: 'not_free_to_leave',
    name: 'Workers not free to leave',
    minRating: 'critical',
    citation:
      'ILO Forced Labour Convention, 1930 (No. 29), Art. 2(1); ILO Indicators of Forced Labour (2012), indicator 3',
    description: 'Workers cannot leave the site or housing, or cannot end their employment, without penalty.',
  },
  {
    key: 'physical_violence_or_threats',
    name: 'Violence or threats against workers',
    minRating: 'critical',
    citation: 'ILO Indicators of Forced Labour (2012), indicators 5 and 6',
    description:
      'Workers are hit, sexually abused, or threatened with harm, denunciation or loss of their family\u2019s safety.',
  },
  {
    key: 'recruitment_fees_paid_by_workers',
    name: 'Recruitment fees paid by workers',
    minRating: 'high',
    citation:
      'Employer Pays Principle; ILO General Principles and Operational Guidelines for Fair Recruitment (2019), general principle 7; ILO Indicators of Forced Labour (2012), indicator 9',
    description: 'Workers paid fees or costs to get the job, not yet repaid by the employer.',
  },
  {
    key: 'wages_withheld',
    name: 'Wages withheld',
    minRating: 'high',
    citation: 'ILO Indicators of Forced Labour (2012), indicator 8',
    description: 'Wages are held back, paid late on purpose, or kept as a deposit to stop workers leaving.',
  },
];

/**
 * The corrective action suggested for each criterion and red flag (`remediation`): what a remediation task
 * made from a finding asks of the supplier by default. Concrete, checkable steps, in the order an auditor would
 * verify them.
 */
const REMEDIATION: Record<string, string> = {
  abuse_of_vulnerability:
    'Give every migrant and agency worker a written contract in a language they read, on the same terms as directly employed workers; send copies of three signed contracts and the translation.',
  deception:
    'Compare what recruiters promised (job, pay, hours, place) with the contracts and jobs of recent hires, correct every difference in the workers\u2019 favour, and send the comparison and the corrections.',
  restriction_of_movement:
    'Remove any restriction on leaving the site or employer housing outside working hours and on resigning with reasonable notice; send the updated house rules and the notice terms of the contract.',
  isolation:
    'Make sure workers can contact family, unions and outside help (phones, visits, a posted hotline); send the posted notice and a description of the arrangements.',
  physical_and_sexual_violence:
    'Adopt and post a written ban on violence and harassment, train supervisors on it, and record and act on every incident; send the policy, the training record and the incident log.',
  intimidation_and_threats:
    'Write down the disciplinary procedure (proportionate, no threats of dismissal, denunciation or harm to family), tell workers, and send the procedure and proof it was communicated.',
  retention_of_identity_documents:
    'Return every passport and identity paper to its owner now; keep documents only on a worker\u2019s written, revocable request, in a locker they can open; send the signed return log.',
  withholding_of_wages:
    'Pay all wages in full and on time directly to each worker with a payslip; end deposits, deferred pay and unlawful deductions and repay what was withheld; send three months of payroll and proof of repayment.',
  debt_bondage:
    'Cancel debts workers owe the employer or recruiters connected to the job, cap any advance at a small voluntary amount repaid on fair terms, and send the list of cancelled debts and the new advance policy.',
  abusive_working_and_living_conditions:
    'Bring workplaces and any employer housing up to health, safety and decency standards (space, sanitation, fire safety); send the inspection report and photos of the corrections.',
  excessive_overtime:
    'Keep hours and overtime within the legal limit, voluntary and recorded; send three months of time records and the overtime consent forms.',
  policy_commitment:
    'Adopt a forced-labour and human-rights policy approved by senior management, publish it, and pass it to recruiters and suppliers; send the signed policy and where it is published.',
  recruitment_fees_employer_pays:
    'Adopt the Employer Pays Principle in writing, require it of every recruiter, and repay any fees or costs workers were charged; send the policy, the recruiter contracts and proof of repayment.',
  grievance_mechanism:
    'Set up a confidential grievance channel open to every worker, agency and migrant workers included, in their languages, with no retaliation and cases tracked to an outcome; send the procedure and the case log.',
  audits:
    'Have an independent social audit with worker interviews carried out, and correct and re-check what it finds; send the audit report and the corrective action plan.',
  training:
    'Train managers, supervisors, recruiters and workers on forced-labour risks and workers\u2019 rights; send the training material and attendance records.',
  sub_supplier_due_diligence:
    'Map your own suppliers and labour providers and apply these requirements to them in writing; send the map and the clauses or code you passed on.',
  wages_and_hours:
    'Pay at least the legal minimum wage directly and regularly, and record working hours; send three months of payroll and time records.',
  age_verification:
    'Check every worker\u2019s age against reliable documents at hiring, keep the records, and keep young workers from hazardous work; send the procedure and the age register.',
};

/** The corrective action for each red flag: what must stop at once, and the proof that it has. */
const FLAG_REMEDIATION: Record<string, string> = {
  debt_bondage:
    'Cancel at once every debt workers owe the employer or a recruiter connected to the job, tell each worker in writing they may leave without repaying anything, and send the list of cancelled debts and the notices.',
  identity_documents_retained:
    'Hand every passport and identity paper back to its owner at once; send the return log signed by each worker, and the written rule that documents stay with workers.',
  child_labour_below_minimum_age:
    'Remove every child below the minimum working age from work at once without loss of income to the family, arrange schooling with a remediation provider, and send the remediation plan and the verified age register.',
  not_free_to_leave:
    'Lift every restriction on leaving the site, the housing or the job at once; tell workers in writing they are free to leave and to resign; send the notice and the updated rules.',
  physical_violence_or_threats:
    'Stop the violence and threats at once, remove those responsible from contact with workers, investigate with an independent party, and send the investigation report and the measures taken.',
  recruitment_fees_paid_by_workers:
    'Repay every worker the recruitment fees and costs they paid, within 90 days, and end fee-charging recruiters; send the repayment list with proof of payment.',
  wages_withheld:
    'Pay every worker the wages held back and return deposits at once; send the payment records.',
};

/** The policy Clearsource ships (see METHODOLOGY_MARKDOWN). */
export const DEFAULT_POLICY: PolicyDocument = {
  schemaVersion: 1,
  name: 'Clearsource default policy',
  description:
    'Forced-labour and human-trafficking risk of one production site: published country and goods data and the workforce profile give inherent risk; accepted questionnaire answers show how far it is controlled.',
  inherent: {
    tip: {
      citation: 'US Department of State, Trafficking in Persons Report: tier placement (2025 edition)',
      points: { '1': 0, '2': 8, '2WL': 14, '3': 20, special_case: 20 },
      unknownPoints: 12,
    },
    gsi: {
      citation:
        'Walk Free, Global Slavery Index: estimated prevalence of modern slavery per 1,000 people (2023 edition)',
      bands: [
        { from: 0, points: 0 },
        { from: 3, points: 3 },
        { from: 6, points: 5 },
        { from: 10, points: 8 },
        { from: 20, points: 10 },
      ],
      unknownPoints: 6,
    },
    goods: {
      citation:
        'US Department of Labor (ILAB), List of Goods Produced by Child Labor or Forced Labor (2022 edition)',
      forcedLabourPoints: 35,
      forcedChildLabourPoints: 35,
      childLabourPoints: 20,
      downstreamInputPoints: 20,
      notListedPoints: 0,
      unknownGoodPoints: 15,
      noGoodsPoints: 15,
      listedElsewherePoints: 18,
      downstreamRule: 'worst_kind',
    },
    migrantShare: {
      citation: 'ILO Indicators of Forced Labour (2012), indicator 1: Abuse of vulnerability',
      bands: [
        { from: 0, points: 0 },
        { from: 10, points: 4 },
        { from: 25, points: 6 },
        { from: 50, points: 8 },
        { from: 75, points: 9 },
        { from: 90, points: 10 },
      ],
      unknownPoints: 5,
    },
    agencyShare: {
      citation: 'ILO General Principles and Operational Guidelines for Fair Recruitment (2019)',
      bands: [
        { from: 0, points: 0 },
        { from: 10, points: 4 },
        { from: 25, points: 6 },
        { from: 50, points: 8 },
        { from: 75, points: 9 },
        { from: 90, points: 10 },
      ],
      unknownPoints: 5,
    },
    supplierTier: {
      citation: 'OECD Due Diligence Guidance for Responsible Business Conduct (2018), step 2',
      bands: [
        { from: 1, points: 0 },
        { from: 2, points: 3 },
        { from: 3, points: 5 },
      ],
    },
    gsiVulnerability: {
      citation:
        'Walk Free, Global Slavery Index: vulnerability to modern slavery, total score 0–100 (2023 edition)',
      bands: [
        { from: 0, points: 0 },
        { from: 20, points: 1 },
        { from: 40, points: 2 },
        { from: 60, points: 4 },
        { from: 80, points: 5 },
      ],
      unknownPoints: 3,
    },
    gsiGovernmentResponse: {
      citation:
        'Walk Free, Global Slavery Index: government response to modern slavery, scored as 100 − the response score (2023 edition)',
      bands: [
        { from: 0, points: 0 },
        { from: 40, points: 1 },
        { from: 50, points: 2 },
        { from: 60, points: 4 },
        { from: 70, points: 5 },
      ],
      unknownPoints: 3,
    },
  },
  criteria: CRITERIA.map((c) => ({ ...c, remediation: REMEDIATION[c.key] })),
  redFlags: RED_FLAGS.map((f) => ({ ...f, remediation: FLAG_REMEDIATION[f.key] })),
  residual: { formula: 'inherent_reduced_by_control', maxReduction: 0.7 },
  ratingBands: { medium: 25, high: 50, critical: 75 },
  evidenceWeighting: { selfDeclared: 0.6, evidenceBacked: 1 },
  confidence: { referenceDataWeight: 0.4, answersWeight: 0.6 },
  unknownData: { minRating: 'medium', minCountryCoverage: 0.5 },
  reassessmentMonths: 12,
  answerValidityMonths: 12,
  questionnaireSchedule: {
    reminderDaysBefore: [7, 3, 1],
    overdueEveryDays: 7,
    overdueMaxReminders: 4,
    recurrenceLeadDays: 30,
  },
};
