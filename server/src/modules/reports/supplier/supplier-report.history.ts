import { datasetTitles, describeTrigger } from '#shared/domain/scoring/explain.js';
import type { ReportPdf } from '../pdf/document.js';
import type { ReportMeta } from '../report-types.js';
import type { SupplierReportData } from './supplier-report.data.js';
import { day, instant, moreLine, ratingLabel, score } from './supplier-report.format.js';

// How the supplier's risk moved (every stored assessment is a point: assessments are append-only), and how
// the figures are made: the policy version's criteria and weights, and the dataset editions it cited.

export const historySection = (pdf: ReportPdf, d: SupplierReportData) => {
  pdf.section('Score history');
  const points = [...d.history.items].reverse();
  if (points.length < 2) {
    pdf.paragraph('This is the supplier’s only assessment so far: there is no history to chart yet.', {
      muted: true,
    });
  } else {
    pdf.lineChart({
      title: 'Residual risk over time (0–100)',
      alt:
        `Residual risk of ${d.supplier.name} at each of its ${points.length} assessments from ${day(points[0]!.createdAt)} ` +
        `to ${day(points.at(-1)!.createdAt)}: from ${score(points[0]!.residualScore)} to ${score(points.at(-1)!.residualScore)}.`,
      labels: points.map((p) => day(p.createdAt)),
      series: [{ name: 'Residual risk', values: points.map((p) => p.residualScore) }],
      yMax: 100,
      // The API's figures, not the chart's one-decimal default.
      format: score,
    });
    pdf.paragraph(
      'A rating can sit above the band of its residual score when a red flag or the unknown-data rule raises it: ' +
        'the table below gives each assessment’s rating with its three scores.',
      { muted: true },
    );
  }
  pdf.section('Rating over time', 2);
  pdf.table({
    columns: [
      { header: 'Assessed', width: 82 },
      { header: 'Rating', width: 50 },
      { header: 'Inherent', width: 52, align: 'right' },
      { header: 'Control', width: 48, align: 'right' },
      { header: 'Residual', width: 52, align: 'right' },
      { header: 'Policy', width: 40, align: 'right' },
      { header: 'Why it was assessed' },
    ],
    rows: d.history.items.map((p) => [
      instant(p.createdAt),
      ratingLabel(p.rating),
      score(p.inherentScore),
      score(p.controlScore),
      score(p.residualScore),
      `v${p.policyVersion}`,
      describeTrigger(p.trigger, p.triggerDetail),
    ]),
  });
  const more = moreLine(d.history, 'earlier assessments');
  if (more) pdf.paragraph(more, { muted: true });
};

const criteriaTables = (pdf: ReportPdf, d: SupplierReportData) => {
  const doc = d.policy!.document;
  const total = doc.criteria.reduce((n, c) => n + c.weight, 0);
  pdf.section('Criteria and weights', 2);
  pdf.paragraph(
    `Control effectiveness weighs ${doc.criteria.length} criteria (weights add up to ${score(total)}). An ` +
      `answer backed by accepted evidence counts at ${score(doc.evidenceWeighting.evidenceBacked)} of its points, ` +
      `a self-declared one at ${score(doc.evidenceWeighting.selfDeclared)}. Residual risk falls by at most ` +
      `${score(doc.residual.maxReduction * 100)}% of inherent risk when every control is in place.`,
  );
  pdf.table({
    columns: [{ header: 'Criterion' }, { header: 'Weight', width: 44, align: 'right' }, { header: 'Source' }],
    rows: doc.criteria.map((c) => [c.name, score(c.weight), c.citation]),
  });
  if (doc.redFlags.length > 0) {
    pdf.table({
      caption: 'Red flags and the rating each sets at least',
      columns: [{ header: 'Red flag' }, { header: 'At least', width: 56 }, { header: 'Source' }],
      rows: doc.redFlags.map((f) => [f.name, ratingLabel(f.minRating), f.citation]),
    });
  }
};

export const methodologySection = (pdf: ReportPdf, d: SupplierReportData, meta: ReportMeta) => {
  pdf.section('Methodology and sources');
  const a = d.assessment;
  if (!d.policy) {
    pdf.callout('gap', 'The organisation has no scoring policy: there is no methodology to print.');
    return;
  }
  const version = a ? a.policyVersion : d.policy.version;
  pdf.paragraph(
    `${a ? 'The assessment was scored' : 'An assessment would be scored'} under the scoring policy ` +
      `“${d.policy.name}”, version ${version ?? '(draft)'}` +
      `${a ? `, by engine ${a.engineVersion}` : ''}. Inherent risk comes from published data on the country and ` +
      'the goods and from the workforce profile; control effectiveness from accepted questionnaire answers; ' +
      'residual risk is inherent risk reduced by control effectiveness; red flags and unknown data can only raise ' +
      'the rating.',
  );
  if (a && meta.policy && meta.policy.version !== a.policyVersion) {
    pdf.callout(
      'note',
      `The policy in force when this report was issued is version ${meta.policy.version}; this assessment was ` +
        `scored under version ${a.policyVersion}.`,
    );
  }
  criteriaTables(pdf, d);
  pdf.section('Reference data this assessment used', 2);
  if (!a) {
    pdf.paragraph(
      'No assessment yet: the editions in force are listed under “Data sources” at the end of this report.',
    );
    return;
  }
  const titles = new Map(
    datasetTitles(a.result, { reference: a.inputs.reference }).map((t) => [t.id, t.title]),
  );
  const prov = a.inputs.provenance;
  const files = new Map((prov?.datasets ?? []).map((p) => [p.id, p]));
  pdf.paragraph(
    'What this assessment was computed from, by SHA-256, so each input can be checked byte for byte: the ' +
      'dataset files, the policy document, and the result itself (the hash of the breakdown the API returns).',
  );
  pdf.table({
    columns: [{ header: 'Input or output' }, { header: 'SHA-256', width: 336 }],
    rows: [
      ...a.result.datasets.map((ds) => {
        const file = files.get(ds.id);
        return [
          `${titles.get(ds.id) ?? ds.id}\n${ds.id}${file?.file ? `, ${file.file}` : ''}`,
          file?.sha256 ?? 'Not recorded for this edition',
        ];
      }),
      [
        `Scoring policy “${d.policy.name}”, version ${a.policyVersion}`,
        prov?.policySha256 ?? 'Not recorded (assessments before engine 1.1.0 did not keep it)',
      ],
      [`This assessment's result (engine ${a.engineVersion})`, a.resultSha256],
    ],
  });
  if (prov)
    pdf.paragraph(`Goods were matched with the goods synonym table, version ${prov.goodsSynonymsVersion}.`, {
      muted: true,
    });
};
