import { eq } from 'drizzle-orm';
import { type Rating, ratingRank } from '#shared/schemas/suppliers.js';
import { assessments } from '../src/db/schema/scoring.js';
import { suppliers } from '../src/db/schema/suppliers.js';
import type { TestContext } from './app.js';

/** One assessment of a supplier's history, oldest first. */
export interface RatedStep {
  rating: Rating;
  residual: number;
  at: Date;
}

/**
 * A supplier written as the owner with an assessment history whose figures the test chooses (no engine run),
 * the newest one current: for tests that count ratings, trends and moves by hand (dashboard, portfolio report).
 * `assessedAt` is when the supplier reads as last assessed (default: the newest step's time).
 */
export const insertRatedSupplier = async (
  t: TestContext,
  orgId: string,
  policyId: string,
  values: { name: string } & Partial<typeof suppliers.$inferInsert>,
  history: RatedStep[] = [],
  assessedAt?: Date,
): Promise<string> => {
  const [row] = await t.owner
    .insert(suppliers)
    .values({ orgId, country: 'BD', tier: 1, ...values })
    .returning({ id: suppliers.id });
  const id = row!.id;
  let current: string | undefined;
  for (const step of history) {
    const [inserted] = await t.owner
      .insert(assessments)
      .values({
        orgId,
        supplierId: id,
        policyId,
        policyVersion: 1,
        engineVersion: 'fixture',
        inputs: {},
        result: {},
        resultSha256: '0'.repeat(64),
        inherentScore: step.residual,
        controlScore: 0,
        residualScore: step.residual,
        rating: step.rating,
        trigger: 'seed',
        createdAt: step.at,
      })
      .returning({ id: assessments.id });
    current = inserted!.id;
  }
  const last = history.at(-1);
  if (last) {
    await t.owner
      .update(suppliers)
      .set({
        currentAssessmentId: current,
        rating: last.rating,
        ratingRank: ratingRank(last.rating),
        residualScore: last.residual,
        assessedAt: assessedAt ?? last.at,
      })
      .where(eq(suppliers.id, id));
  }
  return id;
};
