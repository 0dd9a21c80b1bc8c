import { explainRating } from '#shared/domain/scoring/explain.js';
import type { SUPPLIER_STATUSES } from '#shared/schemas/suppliers.js';
import { createReportPdf, type ReportPdf } from '../pdf/document.js';
import type { Progress, RenderedReport, ReportMeta } from '../report-types.js';
import { breakdownSections } from './supplier-report.breakdown.js';
import type { ChainMember, SupplierReportData } from './supplier-report.data.js';
import {
  country,
  grouped,
  instant,
  money,
  moreLine,
  orUnknown,
  ratingLabel,
  score,
  share,
} from './supplier-report.format.js';
import { historySection, methodologySection } from './supplier-report.history.js';
import { missingForAssessment, whyNotAssessed } from './supplier-report.missing.js';
import { evidenceSection, remediationSection } from './supplier-report.remediation.js';

// The supplier assessment report, drawn from the loaded data alone (pure: no database, no clock). The order
// follows the questions an auditor asks: who is it and where does it sit, what is its rating and why (every
// figure from the assessment's own breakdown, as the API gives it), what was found and what is being done
// about it, how it moved over time, and how the figures are made.

const STATUS_WORDS: Record<(typeof SUPPLIER_STATUSES)[number], string> = {
  onboarding: 'Onboarding',
  active: 'Active',
  suspended: 'Suspended',
  offboarded: 'Offboarded',
};

export const supplierReportTitle = (d: SupplierReportData) => `Supplier assessment: ${d.supplier.name}`;

const summarySection = (pdf: ReportPdf, d: SupplierReportData) => {
  const a = d.assessment;
  pdf.section('Summary');
  if (!a) {
    pdf.callout(
      'gap',
      `No assessment yet: ${d.supplier.name} has not been scored, so this report has no rating, no breakdown and ` +
        `no score history. ${whyNotAssessed(d)} The profile and what is missing are printed below.`,
    );
    const missing = missingForAssessment(d);
    if (missing.length > 0) {
      pdf.paragraph('What an assessment of this supplier still needs:');
      pdf.bullets(missing);
    }
    return;
  }
  const r = a.result;
  const raised = r.rating !== r.ratingFromScore;
  const chain = d.chainRisk.chainRisk;
  pdf.kpis([
    {
      label: 'Rating',
      value: ratingLabel(a.rating),
      note: raised
        ? `Raised from ${ratingLabel(r.ratingFromScore)} (the score alone)`
        : 'The band of the residual risk',
    },
    { label: 'Inherent risk', value: score(a.inherentScore), note: 'of 100, before controls' },
    { label: 'Control effectiveness', value: score(a.controlScore), note: 'of 100, from accepted answers' },
    { label: 'Residual risk', value: score(a.residualScore), note: 'of 100, after controls' },
    {
      label: 'Chain risk',
      value: chain ? ratingLabel(chain.rating) : 'Not assessed',
      note: chain ? `residual ${score(chain.residualScore)} in its sub-tree` : 'nothing below it is assessed',
    },
    { label: 'Confidence', value: share(r.confidence.value), note: 'of what the rating needs was known' },
    { label: 'Red flags', value: String(r.redFlags.length), note: 'raised by accepted answers' },
    { label: 'Data gaps', value: String(r.dataGaps.length), note: 'unknown data counts as risk' },
  ]);
  pdf.paragraph(explainRating(r, { profile: a.inputs.profile, reference: a.inputs.reference }));
  if (r.ratingFloor && r.rating === r.ratingFloor.minRating) pdf.callout('note', r.ratingFloor.reason);
  pdf.keyValues([
    ['Assessed', instant(a.createdAt)],
    [
      'Scoring policy',
      d.policy ? `${d.policy.name}, version ${a.policyVersion}` : `Version ${a.policyVersion}`,
    ],
    ['Engine version', a.engineVersion],
    ['Assessment', `${a.id} (its SHA-256 is under “Methodology and sources”)`],
  ]);
};

const profileSection = (pdf: ReportPdf, d: SupplierReportData) => {
  const s = d.supplier;
  pdf.section('Supplier profile');
  const pairs: [string, string][] = [['Name', s.name]];
  if (s.legalName) pairs.push(['Legal name', s.legalName]);
  if (s.externalRef) pairs.push(['External reference', s.externalRef]);
  pairs.push(
    ['Country of production', country(s.country)],
    ['Tier', s.tier === 1 ? '1 (direct supplier)' : String(s.tier)],
    ['Status', `${STATUS_WORDS[s.status]}${s.archivedAt ? ` (archived ${instant(s.archivedAt)})` : ''}`],
    ['Sector', s.sector ?? 'Not recorded'],
    ['Goods and services', s.goods.length > 0 ? s.goods.join(', ') : 'None recorded'],
    ['Workers (headcount)', orUnknown(s.headcount, grouped)],
    ['Migrant workers', orUnknown(s.migrantWorkerShare, (v) => `${score(v)}%`)],
    ['Agency workers', orUnknown(s.agencyWorkerShare, (v) => `${score(v)}%`)],
    ['Annual spend', orUnknown(s.annualSpend, (v) => money(v, s.currency))],
    ['Tags', s.tags.length > 0 ? s.tags.join(', ') : 'None'],
    ['In the register since', instant(s.createdAt)],
  );
  pdf.keyValues(pairs);
};

const memberRow = (m: ChainMember, note = ''): string[] => [
  String(m.tier),
  `${m.name}${m.archived ? ' (archived)' : ''}${note}`,
  country(m.country),
  ratingLabel(m.rating),
  orUnknown(m.residualScore, score, '—'),
];
const CHAIN_COLUMNS = [
  { header: 'Tier', width: 32 },
  { header: 'Supplier' },
  { header: 'Country' },
  { header: 'Rating', width: 70 },
  { header: 'Residual', width: 52, align: 'right' as const },
];

const chainSection = (pdf: ReportPdf, d: SupplierReportData) => {
  const s = d.supplier;
  pdf.section('Place in the supply chain');
  const self: ChainMember = {
    id: s.id,
    name: s.name,
    country: s.country,
    tier: s.tier,
    rating: s.risk?.rating ?? null,
    residualScore: s.risk?.residualScore ?? null,
    archived: s.archivedAt !== null,
  };
  pdf.paragraph(
    d.parents.length === 0
      ? `${s.name} is a direct (tier 1) supplier.`
      : `${s.name} is a tier ${s.tier} supplier: it supplies ${d.parents.at(-1)!.name}, which leads up to the direct supplier ${d.parents[0]!.name}.`,
  );
  pdf.table({
    caption: 'The chain from the direct supplier down to this one',
    columns: CHAIN_COLUMNS,
    rows: [...d.parents.map((m) => memberRow(m)), memberRow(self, ' (this supplier)')],
  });
  if (d.children.total === 0) {
    pdf.paragraph('No sub-suppliers are recorded below it.', { muted: true });
  } else {
    pdf.table({
      caption: `Direct sub-suppliers, riskiest first (${d.children.total})`,
      columns: CHAIN_COLUMNS,
      rows: d.children.items.map((m) => memberRow(m)),
    });
    const more = moreLine(d.children, 'sub-suppliers');
    if (more) pdf.paragraph(more, { muted: true });
  }
  const { chainRisk, path } = d.chainRisk;
  if (!chainRisk) {
    pdf.callout(
      'gap',
      'Chain risk is unknown: neither this supplier nor anything below it has been assessed.',
    );
  } else if (chainRisk.supplierId === s.id) {
    pdf.paragraph(
      `Chain risk: ${ratingLabel(chainRisk.rating)} (residual ${score(chainRisk.residualScore)}). Nothing below ${s.name} is riskier than it is itself.`,
    );
  } else {
    const target = path.at(-1)?.name ?? 'a sub-supplier';
    pdf.paragraph(
      `Chain risk: ${ratingLabel(chainRisk.rating)} (residual ${score(chainRisk.residualScore)}), carried up from ${target}` +
        `${path.length > 0 ? `, through ${path.map((p) => p.name).join(' → ')}` : ''}. A buyer of ${s.name} carries the risk of what sits below it.`,
    );
  }
};

export const renderSupplierReport = (
  d: SupplierReportData,
  meta: ReportMeta,
  _progress: Progress,
): RenderedReport => {
  const s = d.supplier;
  const pdf = createReportPdf(meta, {
    title: supplierReportTitle(d),
    subtitle: `${country(s.country)} · tier ${s.tier} · ${d.assessment ? `rated ${ratingLabel(d.assessment.rating)}` : 'not assessed'}`,
  });
  summarySection(pdf, d);
  profileSection(pdf, d);
  chainSection(pdf, d);
  if (d.assessment) breakdownSections(pdf, d, d.assessment);
  evidenceSection(pdf, d);
  remediationSection(pdf, d, meta);
  if (d.assessment) historySection(pdf, d);
  methodologySection(pdf, d, meta);
  return pdf.end();
};
