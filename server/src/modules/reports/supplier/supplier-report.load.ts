import { textIn } from '#shared/domain/questionnaires/questions.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { SupplierReportParams } from '#shared/schemas/reports.js';
import { todayUtc } from '#shared/schemas/tasks.js';
import type { Tx } from '../../../db/client.js';
import { notFound } from '../../../lib/app-error.js';
import { toAssessment } from '../../assessments/assessments.mapping.js';
import { type AssessmentRow, listForSupplier } from '../../assessments/assessments.repo.js';
import { createDefinitions } from '../../assignments/assignments.definitions.js';
import { findAssignment } from '../../assignments/assignments.repo.js';
import { listEvidence as listQuestionnaireEvidence } from '../../assignments/evidence.repo.js';
import { listAssignmentFindings, toFinding } from '../../assignments/findings.repo.js';
import { findPolicies, findPublishedPolicy } from '../../policies/policies.repo.js';
import { toSupplier } from '../../suppliers/suppliers.mapping.js';
import {
  ancestorIds,
  findSupplier,
  listChildSuppliers,
  type SupplierRow,
} from '../../suppliers/suppliers.repo.js';
import { chainPath } from '../../suppliers/suppliers-chain.repo.js';
import { supplierLabel, toEvidenceFile, toTask } from '../../tasks/tasks.mapping.js';
import { listTasks } from '../../tasks/tasks.repo.js';
import { listEvidence as listTaskEvidence } from '../../tasks/tasks-thread.repo.js';
import type { Progress } from '../report-types.js';
import {
  type ChainMember,
  type HistoryPoint,
  REPORT_LIMITS,
  type ReportTask,
  type ScoredQuestionnaire,
  type SupplierReportData,
} from './supplier-report.data.js';

// Everything the supplier report prints, read in the register's one snapshot transaction through the owning
// modules' repos and mappings (the same functions the API answers with), each filtered by organisation.
// Lists are bounded (REPORT_LIMITS) and counted, so a supplier with years of history stays a short read.

const definitionOf = createDefinitions();
const STEPS = 6;

const member = (r: SupplierRow): ChainMember => ({
  id: r.id,
  name: r.name,
  country: r.country,
  tier: r.tier,
  rating: r.rating,
  residualScore: r.residualScore,
  archived: r.archivedAt !== null,
});

const historyPoint = (a: AssessmentRow): HistoryPoint => ({
  id: a.id,
  createdAt: a.createdAt.toISOString(),
  rating: a.rating,
  inherentScore: a.inherentScore,
  controlScore: a.controlScore,
  residualScore: a.residualScore,
  policyVersion: a.policyVersion,
  trigger: a.trigger,
  triggerDetail: a.triggerDetail,
});

/** Tier 1 down to the direct parent. */
const loadParents = async (tx: Tx, orgId: string, id: string): Promise<ChainMember[]> => {
  const ids = (await ancestorIds(tx, orgId, id)).slice(1).reverse();
  const rows = await Promise.all(ids.map((p) => findSupplier(tx, orgId, p)));
  return rows.filter((r): r is SupplierRow => r !== undefined).map(member);
};

const loadQuestionnaire = async (
  tx: Tx,
  orgId: string,
  supplierName: string,
  from: NonNullable<Assessment['answersFrom']>,
): Promise<ScoredQuestionnaire | null> => {
  const a = await findAssignment(tx, orgId, from.assignmentId);
  if (!a) return null;
  const [def, findings, files] = await Promise.all([
    definitionOf(tx, orgId, a.templateId),
    listAssignmentFindings(tx, orgId, a.id),
    listQuestionnaireEvidence(tx, orgId, a.id),
  ]);
  const questions: Record<string, string> = {};
  for (const s of def.sections) {
    for (const q of s.questions) questions[q.id] = textIn(q.label, def.defaultLocale, def);
  }
  return {
    id: a.id,
    templateName: a.templateName,
    templateVersion: a.templateVersion,
    status: a.status,
    acceptedAt: a.acceptedAt?.toISOString() ?? null,
    validUntil: a.validUntil ?? null,
    questions,
    findings: findings.map(toFinding),
    evidence: {
      items: files.slice(0, REPORT_LIMITS.questionnaireEvidence).map((f) => ({
        id: f.id,
        questionId: f.questionId,
        fileName: f.fileName,
        size: f.size,
        sha256: f.sha256,
        createdAt: f.createdAt.toISOString(),
        uploadedBy: supplierLabel(supplierName),
      })),
      total: files.length,
    },
  };
};

const loadTasks = async (tx: Tx, orgId: string, supplierId: string) => {
  const today = todayUtc();
  const page = await listTasks(tx, { orgId, supplierId }, { limit: REPORT_LIMITS.tasks, offset: 0 }, today);
  let evidenceTotal = 0;
  let room: number = REPORT_LIMITS.taskEvidence;
  const items: ReportTask[] = [];
  for (const row of page.items) {
    const files = await listTaskEvidence(tx, orgId, row.id);
    evidenceTotal += files.length;
    const shown = files.slice(0, Math.max(room, 0));
    room -= shown.length;
    items.push({ task: toTask(row, today), evidence: shown.map((f) => toEvidenceFile(f, row.supplierName)) });
  }
  return { tasks: { items, total: page.total }, evidenceTotal };
};

/** Reads the report's data; a supplier of another organisation (or none) is the API's 404. */
export const loadSupplierReport = async (
  tx: Tx,
  orgId: string,
  params: SupplierReportParams,
  progress: Progress,
): Promise<SupplierReportData> => {
  const row = await findSupplier(tx, orgId, params.supplierId);
  if (!row) throw notFound('Supplier', params.supplierId);
  const supplier = toSupplier(row);
  await progress(1, STEPS);

  const [parents, children] = await Promise.all([
    loadParents(tx, orgId, row.id),
    listChildSuppliers(tx, orgId, row.id, REPORT_LIMITS.children),
  ]);
  const path = supplier.chainRisk ? await chainPath(tx, orgId, row.id, supplier.chainRisk.supplierId) : [];
  await progress(2, STEPS);

  const history = await listForSupplier(tx, orgId, row.id, REPORT_LIMITS.history, 0);
  // The current assessment is the one the supplier points at: the newest, which the API lists first.
  const currentRow = history.items.find((a) => a.id === supplier.risk?.assessmentId) ?? history.items[0];
  const policyRows = currentRow
    ? await findPolicies(tx, orgId, [currentRow.policyId])
    : [await findPublishedPolicy(tx, orgId)].filter((p) => p !== undefined);
  const policyRow = policyRows[0];
  const assessment = currentRow && policyRow ? toAssessment(currentRow, policyRow.document) : null;
  await progress(3, STEPS);

  const questionnaire = assessment?.answersFrom
    ? await loadQuestionnaire(tx, orgId, supplier.name, assessment.answersFrom)
    : null;
  await progress(4, STEPS);

  const { tasks, evidenceTotal } = await loadTasks(tx, orgId, row.id);
  await progress(5, STEPS);

  const data: SupplierReportData = {
    supplier,
    parents,
    children: { items: children.items.map(member), total: children.total },
    chainRisk: { chainRisk: supplier.chainRisk, path },
    assessment,
    policy: policyRow
      ? { id: policyRow.id, name: policyRow.name, version: policyRow.version, document: policyRow.document }
      : null,
    questionnaire,
    history: { items: history.items.map(historyPoint), total: history.total },
    tasks,
    taskEvidenceTotal: evidenceTotal,
  };
  await progress(6, STEPS);
  return data;
};
