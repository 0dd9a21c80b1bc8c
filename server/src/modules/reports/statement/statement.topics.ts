import type { StatementFacts } from './statement.facts.js';
import type { StatementBlock } from './statement.model.js';
import { count, day, list, money, percent, plural, shareOf } from './statement.text.js';

// The draft's paragraphs, one function per topic a criterion asks about. Each sentence states a figure read
// from the organisation's data; where the data cannot support what a criterion asks, the topic adds a gap
// saying what the organisation must write itself. No sentence states anything the figures do not show.

type Blocks = StatementBlock[];
const p = (text: string): StatementBlock => ({ kind: 'paragraph', text });
const gap = (text: string): StatementBlock => ({ kind: 'gap', text });
const note = (text: string): StatementBlock => ({ kind: 'note', text });

const TABLE_ROWS = 15;
const TIP_WORDS: Record<string, string> = {
  '1': 'Tier 1',
  '2': 'Tier 2',
  '2WL': 'Tier 2 Watch List',
  '3': 'Tier 3',
  special_case: 'Special case',
};
const more = (n: number, one: string, many?: string) => (n > 0 ? ` (and ${plural(n, one, many)} more)` : '');
const tip = (f: StatementFacts) => f.datasets.find((d) => d.startsWith('TIP ')) ?? 'TIP';
const ilab = (f: StatementFacts) => f.datasets.find((d) => d.startsWith('ILAB ')) ?? 'ILAB';
const asOf = (f: StatementFacts) => `On ${day(f.asOf)}`;
const inPeriod = 'In the reporting period';

const EMPTY_REGISTER =
  'The supplier register holds no current supplier, so the draft cannot describe the supply chains. Describe them here, or import the suppliers into Clearsource and issue the draft again.';

export const entity = (f: StatementFacts): Blocks => [
  p(
    `This statement is made by ${f.organisation} for the reporting period ${day(f.period.start)} to ${day(f.period.end)}.`,
  ),
  gap(
    'Give the reporting entity’s full legal name, its registration number (for example its ABN), its registered office, and every other entity this statement covers. Clearsource does not hold these details.',
  ),
];

export const structure = (f: StatementFacts): Blocks => {
  const own = gap(
    'Describe the organisation’s own structure, business and operations: its legal structure and group entities, sectors, countries of operation and number of employees. Clearsource holds data on suppliers only.',
  );
  const s = f.suppliers;
  if (s.total === 0) return [own, gap(EMPTY_REGISTER)];
  const tiers = list(s.byTier.map((t) => `${count(t.suppliers)} at tier ${t.tier}`));
  const out: Blocks = [
    own,
    p(
      `${asOf(f)} the supplier register held ${plural(s.total, 'current supplier')} (one record per production site) in ${plural(s.byCountry.length, 'country', 'countries')}: ${tiers} (tier 1 being direct suppliers).`,
    ),
    {
      kind: 'table',
      caption: `Suppliers by country, with the country's ${tip(f)} tier and GSI estimated prevalence of modern slavery`,
      columns: [
        { header: 'Country' },
        { header: 'Suppliers', align: 'right' },
        { header: 'Rated high or critical', align: 'right' },
        { header: `${tip(f)} tier` },
        { header: 'GSI per 1,000', align: 'right' },
      ],
      rows: s.byCountry
        .slice(0, TABLE_ROWS)
        .map((c) => [
          c.name,
          count(c.suppliers),
          count(c.highOrCritical),
          c.tip ? TIP_WORDS[c.tip]! : 'not ranked',
          c.gsiPrevalence === null ? 'no estimate' : c.gsiPrevalence.toFixed(1),
        ]),
    },
  ];
  if (s.byCountry.length > TABLE_ROWS)
    out.push(
      note(
        `The table lists the ${TABLE_ROWS} countries with the most suppliers${more(s.byCountry.length - TABLE_ROWS, 'country', 'countries')}.`,
      ),
    );
  out.push(
    p(
      `${plural(s.inHighRiskCountries, 'supplier')} (${shareOf(s.inHighRiskCountries, s.total)}) are in countries the ${tip(f)} report places on Tier 3 or the Tier 2 Watch List.`,
    ),
  );
  const g = f.goods;
  if (g.distinct > 0) {
    const top = list(g.top.map((x) => `${x.good} (${plural(x.suppliers, 'supplier')})`));
    out.push(
      p(
        `The suppliers’ records name ${plural(g.distinct, 'distinct good')}; the most common are ${top}.${g.withoutGoods > 0 ? ` ${plural(g.withoutGoods, 'supplier has', 'suppliers have')} no goods recorded.` : ''}`,
      ),
    );
  } else
    out.push(gap('No supplier has goods recorded: name the goods and services the supply chains provide.'));
  if (s.spend.length > 0) {
    const parts = s.spend.map(
      (x) =>
        `${money(x.currency, x.total)} across ${plural(x.suppliers, 'supplier')}, of which ${money(x.currency, x.highRiskCountries)} (${shareOf(x.highRiskCountries, x.total)}) with suppliers in Tier 3 or Tier 2 Watch List countries`,
    );
    out.push(p(`Recorded annual spend: ${list(parts)}. Amounts in different currencies are not added up.`));
  } else
    out.push(
      gap(
        'No supplier has an annual spend recorded: give the size of the supply chains (for example spend or volumes) if the statement should describe it.',
      ),
    );
  return out;
};

export const policies = (f: StatementFacts): Blocks => {
  const out: Blocks = [
    gap(
      'Set out the organisation’s own policies on modern slavery, forced labour and child labour (for example a code of conduct, a supplier code, recruitment, purchasing and whistle-blowing policies), who approved them and when. Clearsource holds the supplier risk-scoring policy, not these documents.',
    ),
  ];
  const pol = f.policy;
  if (pol) {
    const ilo = pol.criteria.filter((c) => c.group === 'ilo_indicator').map((c) => c.name.toLowerCase());
    const gov = pol.criteria.filter((c) => c.group === 'governance').map((c) => c.name.toLowerCase());
    out.push(
      p(
        `Suppliers are assessed under the organisation’s published scoring policy “${pol.name}”, version ${pol.version}${pol.publishedOn ? `, published on ${day(pol.publishedOn)}` : ''}. It rates each supplier’s inherent risk from published country and goods data (${list(f.datasets)}) and the controls its accepted questionnaire answers show against ${plural(pol.criteria.length, 'criterion', 'criteria')}${ilo.length > 0 ? `: ${plural(ilo.length, 'indicator')} of forced labour (${list(ilo)})` : ''}${gov.length > 0 ? `${ilo.length > 0 ? ' and' : ':'} ${plural(gov.length, 'governance control')} (${list(gov)})` : ''}.`,
      ),
    );
    if (pol.redFlags.length > 0)
      out.push(
        p(
          `An answer raising any of its ${plural(pol.redFlags.length, 'red flag')} (${list(pol.redFlags.map((r) => r.toLowerCase()))}) sets a minimum rating whatever the score. The policy asks for a reassessment every ${plural(pol.reassessmentMonths, 'month')}, and accepted answers count as evidence for ${plural(pol.answerValidityMonths, 'month')}.`,
        ),
      );
  } else
    out.push(
      gap(
        'No scoring policy is published, so the draft cannot say how suppliers are assessed: publish one, or describe the method used.',
      ),
    );
  const pc = f.answers.policyCommitment;
  if (pc && pc.answered > 0)
    out.push(
      p(
        `${asOf(f)}, ${plural(f.answers.suppliers, 'supplier')} had accepted questionnaire answers that still counted; ${count(pc.answered)} of them answered the questions on the “${pc.name}” criterion: ${count(pc.full)} earned all of its points, ${count(pc.partial)} some and ${count(pc.none)} none; ${count(pc.evidenced)} backed their answers with evidence an officer accepted.`,
      ),
    );
  return out;
};

export const dueDiligence = (f: StatementFacts): Blocks => {
  const q = f.questionnaires;
  const out: Blocks = [];
  if (q.sent + q.accepted + q.submitted > 0)
    out.push(
      p(
        `${inPeriod}, ${plural(q.sent, 'supplier questionnaire')} ${q.sent === 1 ? 'was' : 'were'} sent to ${plural(q.sent_suppliers, 'supplier')}; suppliers submitted ${count(q.submitted)}, officers returned ${count(q.returned)} for more information, and accepted ${count(q.accepted)} from ${plural(q.accepted_suppliers, 'supplier')} after review.`,
      ),
    );
  else
    out.push(
      gap(
        'No supplier questionnaire was sent, submitted or accepted in the period: describe the due diligence carried out by other means, or say that none was.',
      ),
    );
  const a = f.assessed;
  if (a.made > 0)
    out.push(
      p(
        `${plural(a.made, 'risk assessment')} ${a.made === 1 ? 'was' : 'were'} made in the period, of ${plural(a.suppliers, 'supplier')}; each scores the supplier’s country and goods against published data (${list(f.datasets)}) and its accepted answers against the scoring policy.`,
      ),
    );
  else
    out.push(
      gap('No supplier risk assessment was made in the period: describe how supply-chain risk was assessed.'),
    );
  const c = f.coverage;
  if (c.activeSuppliers > 0)
    out.push(
      p(
        `${asOf(f)}, ${count(c.covered)} of ${plural(c.activeSuppliers, 'current supplier')} (${percent(c.share)}) had a current assessment and accepted questionnaire answers that had not expired; ${plural(c.expired, 'supplier’s', 'suppliers’')} accepted answers had expired, and ${plural(q.outstanding, 'questionnaire')} ${q.outstanding === 1 ? 'was' : 'were'} waiting for the supplier or for review.`,
      ),
    );
  return out;
};

export const risks = (f: StatementFacts, focus: 'modern slavery' | 'forced or child labour'): Blocks => {
  const s = f.suppliers;
  if (s.total === 0)
    return [
      gap(
        `The supplier register holds no current supplier, so the draft cannot identify where the risks of ${focus} lie: describe them here.`,
      ),
    ];
  const n = (band: string) => s.byRating.find((r) => r.band === band)?.suppliers ?? 0;
  const out: Blocks = [
    p(
      `${asOf(f)}, ${count(n('critical'))} current suppliers were rated critical risk, ${count(n('high'))} high, ${count(n('medium'))} medium and ${count(n('low'))} low; ${count(n('none'))} had not been assessed, and unassessed suppliers are not counted as low risk.`,
    ),
  ];
  const hot = s.byCountry
    .filter((c) => c.highOrCritical > 0)
    .sort((a, b) => b.highOrCritical - a.highOrCritical);
  if (hot.length > 0)
    out.push(
      p(
        `Suppliers rated high or critical are in ${list(hot.slice(0, 10).map((c) => `${c.name} (${count(c.highOrCritical)})`))}${more(hot.length - 10, 'country', 'countries')}.`,
      ),
    );
  const g = f.goods;
  if (g.ilabSuppliers > 0) {
    out.push(
      p(
        `${plural(g.ilabSuppliers, 'supplier produces', 'suppliers produce')} goods the ${ilab(f)} List of Goods Produced by Child Labor or Forced Labor names for the supplier’s country: ${count(g.ilabChildLabourSuppliers)} for child labour and ${count(g.ilabForcedLabourSuppliers)} for forced labour.`,
      ),
      {
        kind: 'table',
        caption: `Goods on the ${ilab(f)} list for the supplier's country`,
        columns: [
          { header: 'Country' },
          { header: 'Good' },
          { header: 'Listed for' },
          { header: 'Suppliers', align: 'right' },
        ],
        rows: g.ilab
          .slice(0, TABLE_ROWS)
          .map((x) => [
            x.countryName,
            x.good,
            list(
              [x.forcedLabour ? 'forced labour' : '', x.childLabour ? 'child labour' : ''].filter(Boolean),
            ) || 'an input made with child or forced labour',
            count(x.suppliers),
          ]),
      },
    );
  } else
    out.push(
      p(`None of the suppliers’ recorded goods is on the ${ilab(f)} list for the supplier’s country.`),
      note('Absence from the ILAB list is no evidence that a good is made without forced or child labour.'),
    );
  const raised = f.redFlags.filter((r) => r.raised > 0 || r.open > 0);
  if (raised.length > 0)
    out.push({
      kind: 'table',
      caption: 'Red flags raised by accepted questionnaire answers, by indicator',
      columns: [
        { header: 'Red flag' },
        { header: 'Severity' },
        { header: 'Raised in the period', align: 'right' },
        { header: 'Suppliers', align: 'right' },
        { header: `Open on ${day(f.asOf)}`, align: 'right' },
      ],
      rows: raised.map((r) => [
        r.title,
        r.severity,
        count(r.raised),
        count(r.raised_suppliers),
        count(r.open),
      ]),
    });
  else if (f.questionnaires.accepted > 0)
    out.push(p('No accepted questionnaire answer raised a red flag in the period.'));
  else
    out.push(
      gap(
        `No questionnaire was accepted in the period, so no risk at a supplier’s site was found through answers: describe any ${focus} risk identified by other means (audits, grievances, reports).`,
      ),
    );
  return out;
};

export const remediation = (f: StatementFacts): Blocks => {
  const t = f.tasks;
  const out: Blocks = [];
  if (t.opened + t.closed + t.riskAccepted + t.submitted > 0)
    out.push(
      p(
        `${inPeriod}, ${plural(t.opened, 'remediation task')} ${t.opened === 1 ? 'was' : 'were'} opened with suppliers; ${count(t.submitted)} ${t.submitted === 1 ? 'was' : 'were'} reported done, ${count(t.closed)} ${t.closed === 1 ? 'was' : 'were'} verified by a second person and closed (and not reopened since), and for ${plural(t.riskAccepted, 'task')} an administrator accepted the risk, with a justification and an end date.`,
      ),
    );
  else
    out.push(
      gap(
        'No remediation task was opened, closed or risk-accepted in the period: describe any remediation carried out, or say that none was needed.',
      ),
    );
  out.push(
    p(
      `${plural(t.overdueAtEnd, 'task')} due before the end of the period ${t.overdueAtEnd === 1 ? 'is' : 'are'} still open. ${asOf(f)}, ${plural(t.activeNow, 'task')} ${t.activeNow === 1 ? 'was' : 'were'} open, ${count(t.overdueNow)} of them overdue, and ${plural(t.riskAcceptedNow, 'risk acceptance')} ${t.riskAcceptedNow === 1 ? 'was' : 'were'} in force.`,
    ),
  );
  return out;
};

/** Canada s.11(3)(d): remedies for the people affected are outside what tasks record. */
export const remedyForPeople = (): Blocks => [
  gap(
    'Say whether any forced or child labour was found in the activities or supply chains and what was done for the people affected. Remediation tasks record corrective actions at suppliers, not remedies for individual workers.',
  ),
];

export const incomeLoss = (): Blocks => [
  gap(
    'Describe any measures taken to remediate the loss of income to the most vulnerable families that resulted from measures taken to eliminate forced or child labour, or say that none were taken. Clearsource holds no data on this.',
  ),
];

export const effectiveness = (f: StatementFacts): Blocks => {
  const t = f.tasks;
  const a = f.assessed;
  const out: Blocks = [];
  if (t.closed > 0 && t.medianDaysToClose !== null)
    out.push(
      p(
        `Over the ${plural(t.closed, 'task')} closed in the period, the median time from opening a task to its verified closure was ${plural(Math.round(t.medianDaysToClose * 10) / 10, 'day')}.`,
      ),
    );
  if (a.reassessments > 0)
    out.push(
      p(
        `${count(a.reassessments)} of the period’s assessments reassessed a supplier assessed before: ${count(a.rating_improved)} gave a lower-risk rating than the previous assessment, ${count(a.rating_worsened)} a higher one, and ${count(a.score_improved)} lowered the supplier’s residual risk score.`,
      ),
    );
  if (f.coverage.activeSuppliers > 0 || t.closed > 0 || a.made > 0)
    out.push({
      kind: 'table',
      caption: 'Indicators recorded by Clearsource',
      columns: [{ header: 'Indicator' }, { header: 'Value', align: 'right' }],
      rows: [
        [`Current suppliers covered by valid answers (${day(f.asOf)})`, percent(f.coverage.share)],
        ['Questionnaires accepted in the period', count(f.questionnaires.accepted)],
        ['Assessments made in the period', count(a.made)],
        ['Remediation tasks closed in the period', count(t.closed)],
        [
          'Median days to verified closure',
          t.medianDaysToClose === null ? 'none closed' : count(Math.round(t.medianDaysToClose * 10) / 10),
        ],
        [`Tasks overdue (${day(f.asOf)})`, count(t.overdueNow)],
      ],
    });
  else
    out.push(
      gap(
        'No supplier, assessment or closed task is recorded, so there is no measure of effectiveness to report.',
      ),
    );
  out.push(
    gap(
      'Say how the organisation judges whether its actions are effective: the performance indicators it chose, their targets, and whether these figures met them. Clearsource records the figures, not the organisation’s targets or reviews.',
    ),
  );
  return out;
};

export const training = (f: StatementFacts): Blocks => {
  const out: Blocks = [
    gap(
      'Describe the training on modern slavery, forced labour and child labour given to the organisation’s own staff: who, how often, and how many completed it. Clearsource does not record staff training.',
    ),
  ];
  const tr = f.answers.training;
  if (tr && tr.answered > 0)
    out.push(
      p(
        `In their supply chains, ${count(tr.answered)} of the ${plural(f.answers.suppliers, 'supplier')} with accepted answers that still counted on ${day(f.asOf)} answered the questions on the “${tr.name}” criterion: ${count(tr.full)} earned all of its points, ${count(tr.partial)} some and ${count(tr.none)} none; ${count(tr.evidenced)} backed their answers with evidence an officer accepted.`,
      ),
    );
  return out;
};

export const consultation = (): Blocks => [
  gap(
    'Describe how the entity consulted each entity it owns or controls in preparing this statement (and, for a joint statement, the entity giving it). Clearsource holds no record of this consultation.',
  ),
];

export const otherInformation = (f: StatementFacts): Blocks => [
  p(
    `The country and goods figures in this draft come from ${list(f.datasets)}, the editions the scoring policy uses.`,
  ),
  gap('Add any other information the entity considers relevant, or say that there is none.'),
];

/** Canada s.11(1): the period's steps, as far as the data records them. */
export const stepsTaken = (f: StatementFacts): Blocks => {
  const steps = [
    f.questionnaires.sent > 0 ? `${plural(f.questionnaires.sent, 'supplier questionnaire')} sent` : '',
    f.assessed.made > 0 ? `${plural(f.assessed.made, 'supplier risk assessment')} made` : '',
    f.tasks.opened > 0 ? `${plural(f.tasks.opened, 'remediation task')} opened` : '',
    f.tasks.closed > 0 ? `${plural(f.tasks.closed, 'remediation task')} verified and closed` : '',
  ].filter(Boolean);
  const out: Blocks = [];
  if (steps.length > 0)
    out.push(
      p(`${inPeriod}, Clearsource records these steps: ${list(steps)}. The sections below give the detail.`),
    );
  out.push(
    gap(
      steps.length > 0
        ? 'Summarise any other steps taken in the period to prevent and reduce the risk of forced or child labour (contract terms, audits, purchasing practices).'
        : 'Clearsource records no step taken in the period: summarise the steps taken to prevent and reduce the risk of forced or child labour, or say that none were taken.',
    ),
  );
  return out;
};
