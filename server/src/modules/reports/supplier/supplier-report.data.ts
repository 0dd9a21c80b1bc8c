import type { Assessment, AssessmentTrigger } from '#shared/schemas/assessments.js';
import type { Finding } from '#shared/schemas/assignments.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import type { Rating, Supplier, SupplierChainRisk } from '#shared/schemas/suppliers.js';
import type { Task, TaskEvidenceFile } from '#shared/schemas/tasks.js';

// What the supplier assessment report prints, read in one snapshot by supplier-report.load.ts. Every figure
// is in the API's own form (Supplier, Assessment, Task, Finding): the report prints what the API shows.

/** How many of each list the report prints; the rest are counted ("and 12 more"). */
export const REPORT_LIMITS = {
  children: 50,
  history: 60,
  tasks: 100,
  questionnaireEvidence: 200,
  /** Task evidence files, over all printed tasks together. */
  taskEvidence: 200,
} as const;

/** A list cut at its limit, with how many there are in all. */
export interface Bounded<T> {
  items: T[];
  total: number;
}

/** A supplier above or below this one in its chain. */
export interface ChainMember {
  id: string;
  name: string;
  country: string;
  tier: number;
  rating: Rating | null;
  residualScore: number | null;
  archived: boolean;
}

/** One past assessment, for the score history chart and the rating-over-time table. */
export interface HistoryPoint {
  id: string;
  createdAt: string;
  rating: Rating;
  inherentScore: number;
  controlScore: number;
  residualScore: number;
  policyVersion: number;
  trigger: AssessmentTrigger;
  triggerDetail: string | null;
}

/** The accepted questionnaire whose answers the current assessment scored. */
export interface ScoredQuestionnaire {
  id: string;
  templateName: string;
  templateVersion: number;
  status: string;
  acceptedAt: string | null;
  validUntil: string | null;
  /** Question id → the question as the template version asked it (its default locale). */
  questions: Record<string, string>;
  /** The findings accepting it opened (red flags and poorly controlled criteria), with their status now. */
  findings: Finding[];
  evidence: Bounded<QuestionnaireEvidence>;
}

export interface QuestionnaireEvidence {
  id: string;
  questionId: string;
  fileName: string;
  size: number;
  sha256: string;
  createdAt: string;
  /** Questionnaire evidence is uploaded through the supplier's link. */
  uploadedBy: string;
}

export interface ReportTask {
  task: Task;
  evidence: TaskEvidenceFile[];
}

export interface SupplierReportData {
  supplier: Supplier;
  /** From tier 1 down to the direct parent (empty for a tier-1 supplier). */
  parents: ChainMember[];
  /** The direct sub-suppliers, riskiest first. */
  children: Bounded<ChainMember>;
  chainRisk: SupplierChainRisk;
  /** The current assessment as GET /api/suppliers/:id/assessments gives it (its first item); null if none. */
  assessment: Assessment | null;
  /**
   * The policy version the current assessment was scored under; without an assessment, the published one
   * (what an assessment would use); null when the organisation has none.
   */
  policy: { id: string; name: string; version: number | null; document: PolicyDocument } | null;
  questionnaire: ScoredQuestionnaire | null;
  /** Newest first, as the API lists them. */
  history: Bounded<HistoryPoint>;
  tasks: Bounded<ReportTask>;
  /** Task evidence files in all (the printed tasks' files are cut at REPORT_LIMITS.taskEvidence). */
  taskEvidenceTotal: number;
}
