import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { visibleQuestions } from '#shared/domain/questionnaires/visibility.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import type { AnswerMap, AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { buildQuestionnaires, buildScoring } from '../container.js';
import type { Db } from '../db/client.js';
import { withTenant } from '../db/tenant.js';
import { createSealer } from '../lib/sealing.js';
import { createLocalDiskStorage } from '../lib/storage/local-disk.js';
import * as assignmentsRepo from '../modules/assignments/assignments.repo.js';
import { createOutbox } from '../modules/mail/mail.outbox.js';
import { mailRepo } from '../modules/mail/mail.repo.js';
import { suppliersRepo } from '../modules/suppliers/suppliers.repo.js';
import { listTemplates } from '../modules/templates/templates.repo.js';
import { type AnswerStyle, demoAnswer } from './demo-answers.js';
import { systemCtx } from './demo-register.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo organisation's questionnaires, one in every state an officer meets: sent, in progress, submitted
 * awaiting review, returned with a comment, accepted and scored (one clean, one with red flags and findings),
 * and overdue. Made through the same services as the API and the portal (validated and audited), with links
 * handed over (no mailer during seeding).
 */
export const seedDemoQuestionnaires = async (db: Db, orgId: string, ref: ReferenceData, dataDir: string) => {
  const ctx = systemCtx(orgId);
  const scoring = buildScoring({ db, ref });
  const { assignments, portal, review } = buildQuestionnaires({
    db,
    // The seed never runs the schedule (the API process does).
    log: { error: () => {} },
    outbox: createOutbox({ repo: mailRepo, sealer: createSealer(randomBytes(32)), configured: false }),
    kickMail: () => {},
    publicUrl: 'http://localhost',
    scoring,
    storage: createLocalDiskStorage({ root: path.join(dataDir, 'files') }),
  });

  const { template, suppliers } = await withTenant(db, orgId, async (tx) => ({
    template: (await listTemplates(tx, orgId, { status: 'published', limit: 1, offset: 0 })).items[0],
    suppliers: (await suppliersRepo.listCurrentSuppliers(tx, orgId))
      .filter((s) => s.tier === 1)
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
  if (!template || suppliers.length < 7) return;
  const def: TemplateDefinition = template.definition;

  const send = async (supplierId: string, dueInDays: number, message: string) => {
    const [issued] = await assignments.create(ctx, {
      templateId: template.id,
      supplierIds: [supplierId],
      dueDate: inDays(dueInDays),
      message,
      recurrence: null,
    });
    return { id: issued!.id, token: issued!.portalUrl!.slice(issued!.portalUrl!.lastIndexOf('/') + 1) };
  };
  /** Answers as a supplier would, question by question, following the conditions; `limit` stops part-way. */
  const answer = async (token: string, style: AnswerStyle, limit = Number.POSITIVE_INFINITY) => {
    const given: Record<string, AnswerValue> = {};
    for (let saved = 0, progress = true; progress && saved < limit; ) {
      progress = false;
      for (const q of visibleQuestions(def, given as AnswerMap)) {
        if (saved >= limit) break;
        if (q.id in given) continue;
        const value = demoAnswer(q, style);
        if (value === undefined) continue;
        await portal.saveAnswer(token, q.id, { value });
        given[q.id] = value;
        saved++;
        progress = true;
        break; // re-evaluate the conditions with the new answer
      }
    }
  };

  const [sent, started, submitted, returned, acceptedGood, acceptedRisky, overdue] = suppliers;
  const note = 'Our annual forced-labour due diligence: please answer for your site.';
  await send(sent!.id, 21, note);

  const s2 = await send(started!.id, 14, note);
  await portal.chooseLocale(s2.token, 'es');
  await answer(s2.token, 'good', 12);

  const s3 = await send(submitted!.id, 10, note);
  await answer(s3.token, 'good');
  await portal.submit(s3.token);

  const s4 = await send(returned!.id, 10, note);
  await answer(s4.token, 'good');
  await portal.submit(s4.token);
  const hours = def.sections.flatMap((s) => s.questions).find((q) => q.type === 'number')?.id;
  if (hours) {
    await review.returnToSupplier(ctx, s4.id, {
      comments: {
        [hours]:
          'Please give the usual week including overtime, and attach the time records for a sample month.',
      },
    });
  }

  for (const [supplier, style] of [
    [acceptedGood!, 'good'],
    [acceptedRisky!, 'risky'],
  ] as const) {
    const s = await send(supplier.id, 7, note);
    await answer(s.token, style);
    await portal.submit(s.token);
    await review.accept(ctx, s.id, { evidenceAccepted: [] });
  }

  const s7 = await send(overdue!.id, 1, note);
  await answer(s7.token, 'risky', 5);
  // Due ten days ago: the register shows it overdue (a due date in the past cannot be set through the API).
  await withTenant(db, orgId, async (tx) => {
    const row = await assignmentsRepo.findAssignment(tx, orgId, s7.id);
    if (row) await assignmentsRepo.updateAssignment(tx, orgId, s7.id, row.revision, { dueDate: inDays(-10) });
  });
};
