import type { SQL } from 'drizzle-orm';
import { countryName } from '#shared/countries.js';
import { addDays, DEFAULT_ANSWER_VALIDITY_MONTHS, utcDay } from '#shared/domain/questionnaires/schedule.js';
import { matchGoods } from '#shared/domain/reference/goods.js';
import { countryFacts } from '#shared/domain/reference/lookup.js';
import { type ReportingCriteriaFile, statementLaw } from '#shared/domain/reference/reporting-criteria.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import type { CriterionAnswer } from '#shared/domain/scoring/types.js';
import type { DashboardSummary } from '#shared/schemas/dashboard.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import type { StatementReportParams } from '#shared/schemas/reports.js';
import type { Tx } from '../../../db/client.js';
import type { CriterionAnswerFigure, IlabFigure, StatementFacts } from './statement.facts.js';
import { readStatementRows, type StatementRows } from './statement.repo.js';

/** The default policy's keys for the criteria a statement reports supplier answers on. */
export const POLICY_COMMITMENT_KEY = 'policy_commitment';
export const TRAINING_KEY = 'training';
/** Top goods listed in the structure section. */
const TOP_GOODS = 10;

/** What the load reads through other modules (wired in generators.ts; tests wire the same functions). */
export interface StatementLoadDeps {
  criteria: () => ReportingCriteriaFile;
  organisationName: (tx: Tx, orgId: string) => Promise<string>;
  /** The current suppliers' WHERE (the supplier list's own, not archived). */
  currentSuppliers: (orgId: string) => SQL | undefined;
  dashboardSummary: (tx: Tx, orgId: string, now: Date) => Promise<DashboardSummary>;
  publishedPolicy: (
    tx: Tx,
    orgId: string,
  ) => Promise<
    { name: string; version: number | null; publishedAt: Date | null; document: PolicyDocument } | undefined
  >;
  /** The reference data a policy scores with (its pinned editions), or the shipped data without a policy. */
  reference: (tx: Tx, orgId: string, doc: PolicyDocument | undefined) => Promise<ReferenceData>;
  /** Each supplier's accepted answers that still count on `today`. */
  acceptedAnswers: (
    tx: Tx,
    orgId: string,
    today: string,
  ) => Promise<Map<string, { answers: CriterionAnswer[] }>>;
}

const HIGH_RISK_TIERS = new Set(['3', '2WL']);

const criterionFigure = (
  name: string,
  key: string,
  perSupplier: Iterable<{ answers: CriterionAnswer[] }>,
): CriterionAnswerFigure => {
  const f = { name, answered: 0, full: 0, partial: 0, none: 0, evidenced: 0 };
  for (const { answers } of perSupplier) {
    const mine = answers.filter((a) => a.criterionKey === key);
    if (mine.length === 0) continue;
    const earned = mine.reduce((n, a) => n + a.pointsEarned, 0);
    const max = mine.reduce((n, a) => n + a.maxPoints, 0);
    f.answered++;
    if (earned >= max) f.full++;
    else if (earned > 0) f.partial++;
    else f.none++;
    if (mine.some((a) => a.evidenceBacked)) f.evidenced++;
  }
  return f;
};

/** Goods and ILAB listings, matched as scoring matches them (matchGoods) against the policy's edition. */
const goodsFigures = (rows: StatementRows['goods'], ref: ReferenceData): StatementFacts['goods'] => {
  const counts = new Map<string, number>();
  const ilab = new Map<string, IlabFigure>();
  let withoutGoods = 0;
  let listed = 0;
  let child = 0;
  let forced = 0;
  for (const row of rows) {
    if (row.goods.length === 0) withoutGoods += row.suppliers;
    for (const g of new Set(row.goods.map((x) => x.toLowerCase()))) {
      counts.set(g, (counts.get(g) ?? 0) + row.suppliers);
    }
    const listings = matchGoods(ref, row.country, row.goods).flatMap((m) => m.listings);
    if (listings.length === 0) continue;
    listed += row.suppliers;
    if (listings.some((l) => l.childLabor || l.forcedChildLabor)) child += row.suppliers;
    if (listings.some((l) => l.forcedLabor || l.forcedChildLabor)) forced += row.suppliers;
    for (const l of new Map(listings.map((x) => [x.good, x])).values()) {
      const key = `${row.country}|${l.good}`;
      const f = ilab.get(key) ?? {
        country: row.country,
        countryName: countryName(row.country) ?? row.country,
        good: l.good,
        childLabour: l.childLabor || l.forcedChildLabor,
        forcedLabour: l.forcedLabor || l.forcedChildLabor,
        suppliers: 0,
      };
      f.suppliers += row.suppliers;
      ilab.set(key, f);
    }
  }
  const top = [...counts]
    .map(([good, suppliers]) => ({ good, suppliers }))
    .sort((a, b) => b.suppliers - a.suppliers || a.good.localeCompare(b.good));
  return {
    top: top.slice(0, TOP_GOODS),
    distinct: top.length,
    withoutGoods,
    ilabSuppliers: listed,
    ilabChildLabourSuppliers: child,
    ilabForcedLabourSuppliers: forced,
    ilab: [...ilab.values()].sort(
      (a, b) =>
        b.suppliers - a.suppliers || a.country.localeCompare(b.country) || a.good.localeCompare(b.good),
    ),
  };
};

const supplierFigures = (rows: StatementRows, ref: ReferenceData, summary: DashboardSummary) => {
  const byIso = new Map<string, { suppliers: number; highOrCritical: number }>();
  const spend = new Map<string, { suppliers: number; total: number; highRiskCountries: number }>();
  const highRisk = (iso2: string) => HIGH_RISK_TIERS.has(countryFacts(ref, iso2)?.tip?.tier ?? '');
  for (const r of rows.countries) {
    const c = byIso.get(r.country) ?? { suppliers: 0, highOrCritical: 0 };
    c.suppliers += r.suppliers;
    c.highOrCritical += r.high_or_critical;
    byIso.set(r.country, c);
    if (r.with_spend === 0) continue;
    const s = spend.get(r.currency) ?? { suppliers: 0, total: 0, highRiskCountries: 0 };
    s.suppliers += r.with_spend;
    s.total += r.spend;
    if (highRisk(r.country)) s.highRiskCountries += r.spend;
    spend.set(r.currency, s);
  }
  const byCountry = [...byIso].map(([iso2, c]) => {
    const facts = countryFacts(ref, iso2);
    return {
      iso2,
      name: countryName(iso2) ?? facts?.name ?? iso2,
      ...c,
      tip: facts?.tip?.tier ?? null,
      gsiPrevalence: facts?.gsi?.prevalencePer1000 ?? null,
    };
  });
  byCountry.sort((a, b) => b.suppliers - a.suppliers || a.name.localeCompare(b.name));
  return {
    total: summary.suppliers,
    byRating: summary.byRating,
    byTier: [...rows.tiers].sort((a, b) => a.tier - b.tier),
    byCountry,
    inHighRiskCountries: byCountry.filter((c) => highRisk(c.iso2)).reduce((n, c) => n + c.suppliers, 0),
    spend: [...spend]
      .map(([currency, s]) => ({ currency, ...s }))
      .sort((a, b) => b.suppliers - a.suppliers || a.currency.localeCompare(b.currency)),
  };
};

/**
 * Reads a statement's figures in the register's snapshot transaction. Current-state figures (the register,
 * coverage, open tasks) are as on the day of reading; period figures count what happened between
 * periodStart and periodEnd, both included (UTC days).
 */
export const createStatementLoad =
  (deps: StatementLoadDeps) =>
  async (tx: Tx, orgId: string, params: StatementReportParams, now: Date): Promise<StatementFacts> => {
    const asOf = utcDay(now);
    const law = statementLaw(deps.criteria(), params.framework);
    const period = { from: params.periodStart, until: addDays(params.periodEnd, 1) };
    const organisation = await deps.organisationName(tx, orgId);
    const summary = await deps.dashboardSummary(tx, orgId, now);
    const rows = await readStatementRows(tx, orgId, deps.currentSuppliers(orgId), period);
    const policy = await deps.publishedPolicy(tx, orgId);
    const ref = await deps.reference(tx, orgId, policy?.document);
    const answers = await deps.acceptedAnswers(tx, orgId, asOf);
    const criterion = (key: string) => {
      const c = policy?.document.criteria.find((x) => x.key === key);
      return c ? criterionFigure(c.name, key, answers.values()) : null;
    };
    return {
      framework: params.framework,
      law,
      period: { start: params.periodStart, end: params.periodEnd },
      asOf,
      organisation,
      suppliers: supplierFigures(rows, ref, summary),
      goods: goodsFigures(rows.goods, ref),
      policy:
        policy && policy.version !== null
          ? {
              name: policy.name,
              version: policy.version,
              publishedOn: policy.publishedAt ? utcDay(policy.publishedAt) : null,
              criteria: policy.document.criteria.map((c) => ({ name: c.name, group: c.group })),
              redFlags: policy.document.redFlags.map((f) => f.name),
              reassessmentMonths: policy.document.reassessmentMonths,
              answerValidityMonths: policy.document.answerValidityMonths ?? DEFAULT_ANSWER_VALIDITY_MONTHS,
            }
          : null,
      answers: {
        suppliers: answers.size,
        policyCommitment: criterion(POLICY_COMMITMENT_KEY),
        training: criterion(TRAINING_KEY),
      },
      questionnaires: { ...rows.questionnaires, outstanding: summary.questionnaires.outstanding },
      coverage: {
        activeSuppliers: summary.coverage.activeSuppliers,
        covered: summary.coverage.covered,
        share: summary.coverage.share,
        expired: summary.coverage.expired,
      },
      assessed: rows.assessed,
      tasks: {
        opened: rows.tasks.opened,
        submitted: rows.tasks.submitted,
        closed: rows.tasks.closed,
        riskAccepted: rows.tasks.risk_accepted,
        medianDaysToClose: rows.tasks.median_days_to_close,
        overdueAtEnd: rows.tasks.overdue_at_end,
        activeNow: summary.remediation.active,
        overdueNow: summary.remediation.overdue,
        riskAcceptedNow: summary.riskAccepted.total,
      },
      redFlags: [...rows.flags].sort(
        (a, b) => b.open - a.open || b.raised - a.raised || a.key.localeCompare(b.key),
      ),
      datasets: ref.datasets
        .filter((d) => d.kind !== 'ilo_indicators')
        .map((d) => `${d.shortName} ${d.edition}`),
    };
  };
