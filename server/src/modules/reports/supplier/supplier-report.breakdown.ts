import { explainConfidence } from '#shared/domain/scoring/explain.js';
import type { AnswerUsed, DataGap, InherentFactor } from '#shared/domain/scoring/types.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import { ratingRank } from '#shared/schemas/suppliers.js';
import type { ReportPdf } from '../pdf/document.js';
import type { SupplierReportData } from './supplier-report.data.js';
import { ratingLabel, score, share } from './supplier-report.format.js';

// The assessment's breakdown, line by line, exactly as the engine stored it and the API returns it: every
// figure printed here is a field of GET /api/suppliers/:id/assessments (its first item), so a reader can
// trace each one to its criterion, its citation and the answers behind it.

const GROUP_WORDS = {
  ilo_indicator: 'ILO forced-labour indicator',
  governance: 'Governance control',
} as const;

const GAP_WORDS: Record<DataGap['kind'], string> = {
  country: 'Country data',
  good: 'Goods',
  criterion: 'Control criterion',
  profile: 'Supplier profile',
};

const FINDING_WORDS = { open: 'Open', closed: 'Closed', risk_accepted: 'Risk accepted' } as const;

const factorValue = (f: InherentFactor): string => {
  if (f.key === 'ilab_goods') {
    const goods = f.goods ?? [];
    return goods.length === 0 ? 'No goods recorded' : goods.map((g) => g.detail).join('; ');
  }
  return f.value === null ? 'Unknown' : String(f.value);
};

/** The question as the supplier was asked it and the answer it gave, on two lines ("Q: …", "A: …"). */
export const answerText = (d: SupplierReportData, a: Pick<AnswerUsed, 'questionId' | 'answerLabel'>) => {
  const q = d.questionnaire?.questions[a.questionId];
  return `Q: ${q ?? a.questionId}\nA: ${a.answerLabel}`;
};

const answerLine = (d: SupplierReportData, a: AnswerUsed) =>
  `${answerText(d, a)} (${score(a.weightedPoints)} of ${score(a.maxPoints)} points, ${
    a.evidenceBacked ? 'evidence accepted' : 'self-declared'
  })`;

const inherentSection = (pdf: ReportPdf, a: Assessment) => {
  const r = a.result.inherent;
  pdf.section('Inherent risk', 2);
  pdf.paragraph(
    `What published data on the country and goods, and the workforce profile, say before the supplier's own ` +
      `controls count. Inherent risk = 100 × points earned / maximum points: ${r.formula}.`,
  );
  pdf.table({
    columns: [
      { header: 'Factor' },
      { header: 'Data scored' },
      { header: 'Points', width: 56, align: 'right' },
      { header: 'Source' },
    ],
    rows: [
      ...r.factors.map((f) => [
        f.name,
        factorValue(f),
        `${score(f.points)} of ${score(f.maxPoints)}`,
        `${f.citation}${f.detail && f.key !== 'ilab_goods' ? `. ${f.detail}` : ''}`,
      ]),
      ['Inherent risk', '', `${score(r.points)} of ${score(r.maxPoints)}`, `= ${score(r.score)} of 100`],
    ],
  });
};

const controlSection = (pdf: ReportPdf, d: SupplierReportData, a: Assessment) => {
  const c = a.result.control;
  // The engine's own split: a gap is a criterion no accepted answer evidences.
  const answered = c.criteria.filter((x) => !x.gap || x.answers.length > 0);
  const unanswered = c.criteria.filter((x) => x.gap && x.answers.length === 0);
  pdf.section('Control effectiveness, criterion by criterion', 2);
  pdf.paragraph(
    `Each criterion scores the accepted answers mapped to it; evidence-backed answers count at the policy's ` +
      `higher weight and an unanswered criterion counts as uncontrolled. ${answered.length} of ${c.criteria.length} ` +
      `criteria are evidenced by accepted answers. Control effectiveness: ${c.formula}.`,
  );
  if (answered.length > 0) {
    pdf.table({
      columns: [
        { header: 'Criterion and source', width: 150 },
        { header: 'Weight', width: 44, align: 'right' },
        { header: 'Effective', width: 54, align: 'right' },
        { header: 'Share', width: 40, align: 'right' },
        { header: 'Answers behind it' },
      ],
      rows: answered.map((x) => [
        `${x.name}\n${GROUP_WORDS[x.group]}\n${x.citation}`,
        score(x.weight),
        x.gap ? 'No answer' : `${score(x.effectiveness)}%`,
        score(x.contribution),
        x.answers.length === 0 ? 'None' : x.answers.map((an) => answerLine(d, an)).join('\n'),
      ]),
    });
  }
  if (unanswered.length > 0) {
    // Their lines are all zeros; each criterion's source is in the methodology's table of criteria.
    pdf.paragraph(
      `${answered.length > 0 ? `The other ${unanswered.length} criteria have` : `None of the ${unanswered.length} criteria has`} ` +
        'an accepted answer; each counts as uncontrolled (effectiveness 0, share 0). By weight: ' +
        `${unanswered.map((x) => `${x.name} (${score(x.weight)})`).join('; ')}.`,
    );
  }
};

const residualSection = (pdf: ReportPdf, d: SupplierReportData, a: Assessment) => {
  const r = a.result;
  const bands = d.policy?.document.ratingBands;
  pdf.section('Residual risk and rating', 2);
  pdf.paragraph(
    `Residual risk = inherent risk × (1 − maximum reduction × control effectiveness / 100), the maximum ` +
      `reduction being ${score(r.residual.maxReduction)} in this policy: ${r.residual.formula}.`,
  );
  const pairs: [string, string][] = [];
  if (bands) {
    pairs.push([
      'Rating bands (residual)',
      `Low below ${score(bands.medium)}; Medium from ${score(bands.medium)}; High from ${score(bands.high)}; Critical from ${score(bands.critical)}`,
    ]);
  }
  pairs.push(['The score alone gives', ratingLabel(r.ratingFromScore)]);
  const floors = r.redFlags.filter((f) => f.minRating);
  if (floors.length > 0) {
    pairs.push([
      'Red flags set at least',
      floors.map((f) => `${ratingLabel(f.minRating)} (${f.name})`).join('; '),
    ]);
  }
  if (r.ratingFloor) pairs.push(['Unknown-data floor', r.ratingFloor.reason]);
  pairs.push(['Rating', ratingLabel(r.rating)]);
  pairs.push(['Confidence', `${share(r.confidence.value)} (${r.confidence.formula})`]);
  pdf.keyValues(pairs);
};

const redFlagSection = (pdf: ReportPdf, d: SupplierReportData, a: Assessment) => {
  const flags = a.result.redFlags;
  pdf.section('Red flags');
  if (flags.length === 0) {
    // Without answers no flag could be raised: that is not the same as none found.
    pdf.paragraph(
      a.inputs.answers.length === 0
        ? 'None raised, but no questionnaire answers have been accepted yet: a red flag can only come from an answer.'
        : 'No accepted answer raised a red flag.',
    );
    return;
  }
  pdf.paragraph(
    "A red flag is an answer that signals forced labour directly; it sets the rating to at least the policy's " +
      'minimum for that flag, whatever the average score.',
  );
  const answers = a.result.control.criteria.flatMap((c) => c.answers);
  pdf.table({
    columns: [
      { header: 'Red flag' },
      { header: 'Sets at least', width: 58 },
      { header: 'Raised by the answer' },
      { header: 'Source' },
      { header: 'Finding', width: 82 },
    ],
    // Most severe first, as every list of findings is read (a flag without a rule sets nothing: last).
    rows: [...flags]
      .sort((a, b) => ratingRank(b.minRating) - ratingRank(a.minRating))
      .map((f) => {
        const answer = answers.find((x) => x.questionId === f.triggeredBy && x.redFlag === f.key);
        // One finding per flag and question: a flag two answers raise is two findings.
        const finding = d.questionnaire?.findings.find(
          (x) =>
            x.kind === 'red_flag' && x.key === f.key && (x.questionId ?? f.triggeredBy) === f.triggeredBy,
        );
        const task = finding && d.tasks.items.find((t) => t.task.findingId === finding.id)?.task;
        return [
          f.name,
          f.minRating ? ratingLabel(f.minRating) : 'No rule',
          answer ? answerText(d, answer) : `Question ${f.triggeredBy}`,
          f.citation,
          finding
            ? `${FINDING_WORDS[finding.status]}${task ? `; task “${task.title}”` : '; no task yet'}`
            : 'No finding recorded',
        ];
      }),
  });
};

/** The gaps as rows; the criterion gaps in one (they say the same thing of each unanswered criterion). */
const gapRows = (gaps: DataGap[]): string[][] => {
  const criteria = gaps.filter((g) => g.kind === 'criterion');
  const rows = gaps.filter((g) => g.kind !== 'criterion').map((g) => [GAP_WORDS[g.kind], g.message]);
  if (criteria.length === 1) rows.push([GAP_WORDS.criterion, criteria[0]!.message]);
  if (criteria.length > 1) {
    rows.push([
      GAP_WORDS.criterion,
      `No accepted answer evidences ${criteria.length} criteria, each counted as uncontrolled: the ${criteria.length} listed under “Control effectiveness” above.`,
    ]);
  }
  return rows;
};

const gapSection = (pdf: ReportPdf, a: Assessment) => {
  const r = a.result;
  pdf.section('Data gaps');
  if (r.dataGaps.length === 0) {
    pdf.paragraph('Nothing this rating needs was unknown.');
  } else {
    pdf.paragraph(
      'What the assessment could not know. Unknown data is never scored as low risk: each gap below counts as ' +
        'risk (or uncontrolled) until it is filled.',
    );
    pdf.table({
      columns: [{ header: 'Kind', width: 90 }, { header: 'What is missing' }],
      rows: gapRows(r.dataGaps),
    });
  }
  const c = explainConfidence(r);
  pdf.paragraph(`${c.measures} ${c.why} ${c.raise}`);
};

/** The rating's breakdown, then red flags and data gaps: only for a supplier with an assessment. */
export const breakdownSections = (pdf: ReportPdf, d: SupplierReportData, a: Assessment) => {
  pdf.section('How the rating is reached');
  pdf.paragraph(
    `Each figure below is the assessment's own breakdown (assessment ${a.id}, engine ${a.engineVersion}), as the ` +
      'Clearsource API returns it; the same inputs and policy version give the same breakdown, byte for byte.',
  );
  inherentSection(pdf, a);
  controlSection(pdf, d, a);
  residualSection(pdf, d, a);
  redFlagSection(pdf, d, a);
  gapSection(pdf, a);
};
