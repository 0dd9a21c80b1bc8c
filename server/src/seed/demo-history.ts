import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import { AssessmentInputsSchema } from '#shared/domain/scoring/types.js';
import type { SupplierProfile } from '#shared/schemas/suppliers.js';
import { buildScoring } from '../container.js';
import { JsonText } from '../db/bulk.js';
import type { Db } from '../db/client.js';
import { assessments } from '../db/schema/scoring.js';
import { withTenant } from '../db/tenant.js';
import { SYSTEM_ACTOR } from '../lib/context.js';
import { runEngine } from '../modules/assessments/assessments.engine.js';
import { type AssessmentRow, insertAssessments } from '../modules/assessments/assessments.repo.js';
import { assessmentCreatedEvent } from '../modules/assessments/assessments.write.js';
import { appendAuditEvents } from '../modules/audit/audit-append.js';
import { policiesRepo } from '../modules/policies/policies.repo.js';
import { suppliersRepo } from '../modules/suppliers/suppliers.repo.js';

// The demo register's assessment history (issue 10): every demo supplier scored in the past year, so the
// dashboard's risk trend shows a programme that has been running. Each past assessment is a real engine run
// (runEngine, as the service writes one: inputs snapshot, policy version, engine version, stored result and
// its hash) on inputs that plausibly applied at the time:
//   1. 8 to 11 months ago, the register as first imported: the supplier's country, goods and tier, but no
//      workforce data yet (headcount and migrant/agency worker shares unknown) and no questionnaire answers;
//   2. 2 to 7 months ago, once the workforce data was recorded: the supplier's profile as it is now, still
//      with no answers (so for the suppliers whose questionnaire was since accepted, control evidence is
//      absent and residual risk higher than today).
// Scored under the policy the current assessment was scored under (the demo has only ever had that one).
//
// Back-dating. These rows are inserted directly (the one place), with their `created_at` in the past: the
// request role may insert it. They are never a supplier's current assessment: suppliers.current_assessment_id
// and its summary columns are not touched (the current assessment stays the one the seed made through the
// service), and they are all older than it, so "newest first" lists still start with it. Each has the
// `assessment.created` event the service writes, but the audit chain is in commit order and cannot be
// written in the past, so the events carry the seed's time (as the demo tasks' do).

const DAY = 86_400_000;

/** Where a history row says it came from (created_by), so it can be told from the service's. */
export const DEMO_HISTORY_AUTHOR = 'demo history (seed)';

const withoutWorkforce = (p: SupplierProfile): SupplierProfile => ({
  ...p,
  headcount: null,
  migrantWorkerShare: null,
  agencyWorkerShare: null,
});

/** A moment `days` ago, at a working hour that varies by supplier. */
const daysAgo = (now: number, days: number, i: number) => {
  const d = new Date(now - days * DAY);
  d.setUTCHours(9 + (i % 8), (i * 7) % 60, 0, 0);
  return d;
};

export const seedDemoHistory = async (db: Db, orgId: string, ref: ReferenceData) => {
  const { references } = buildScoring({ db, ref });
  const now = Date.now();
  await withTenant(db, orgId, async (tx) => {
    const list = (await suppliersRepo.listCurrentSuppliers(tx, orgId))
      .filter((s) => s.currentAssessmentId)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (list.length === 0) return;
    const current = await tx
      .select({
        id: assessments.id,
        supplierId: assessments.supplierId,
        policyId: assessments.policyId,
        inputs: assessments.inputs,
      })
      .from(assessments)
      .where(
        inArray(
          assessments.id,
          list.map((s) => s.currentAssessmentId!),
        ),
      );
    const policy = await policiesRepo.findPublishedPolicy(tx, orgId);
    if (!policy) return;
    const doc = policy.document;
    const refNow = await references.forDocument(tx, orgId, doc);
    const rows: AssessmentRow[] = [];
    const texts: JsonText[] = [];
    list.forEach((s, i) => {
      const cur = current.find((c) => c.id === s.currentAssessmentId);
      // Only suppliers scored under today's policy: their history is scored under it too.
      if (!cur || cur.policyId !== policy.id) return;
      const { profile } = AssessmentInputsSchema.parse(cur.inputs);
      const stages = [
        {
          profile: withoutWorkforce(profile),
          at: daysAgo(now, 320 - (i % 3) * 30, i),
          trigger: 'import' as const,
          detail: 'demo history: first import, before workforce data was recorded',
        },
        {
          profile,
          at: daysAgo(now, 200 - (i % 5) * 30, i),
          trigger: 'profile_changed' as const,
          detail: 'demo history: workforce data recorded (headcount, migrant and agency worker shares)',
        },
      ];
      for (const st of stages) {
        const { inputs, result, stored, storedText, sha256 } = runEngine(doc, st.profile, refNow, []);
        texts.push(new JsonText(storedText));
        rows.push({
          id: randomUUID(),
          orgId,
          supplierId: s.id,
          policyId: policy.id,
          policyVersion: policy.version!,
          engineVersion: result.engineVersion,
          inputs,
          result: stored,
          resultSha256: sha256,
          inherentScore: result.inherent.score,
          controlScore: result.control.score,
          residualScore: result.residual.score,
          rating: result.rating,
          trigger: st.trigger,
          triggerDetail: st.detail,
          jobId: null,
          createdBy: DEMO_HISTORY_AUTHOR,
          createdAt: st.at,
          answersAssignmentId: null,
          answersTemplateId: null,
          answersTemplateVersion: null,
        });
      }
    });
    // The stored result goes as the text its hash was taken with (as the service writes it).
    await insertAssessments(
      tx,
      rows.map((a, j) => ({ ...a, result: texts[j]! })),
    );
    await appendAuditEvents(tx, orgId, SYSTEM_ACTOR, rows.map(assessmentCreatedEvent));
  });
};
