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

/** The questionnaire services as the API builds them, with links handed over (no mailer while seeding). */
const demoServices = (db: Db, ref: ReferenceData, dataDir: string) =>
  buildQuestionnaires({
    db,
    // The seed never runs the schedule (the API process does).
    log: { error: () => {} },
    outbox: createOutbox({ repo: mailRepo, sealer: createSealer(randomBytes(32)), configured: false }),
    kickMail: () => {},
    publicUrl: 'http://localhost',
    scoring: buildScoring({ db, ref }),
    storage: createLocalDiskStorage({ root: path.join(dataDir, 'files') }),
  });

const tokenOf = (portalUrl: string) => portalUrl.slice(portalUrl.lastIndexOf('/') + 1);

/**
 * The demo organisation's questionnaires, one in every state an officer meets: sent, in progress, submitted
 * awaiting review, returned with a comment, accepted and scored (one clean, one with red flags and findings),
 * and overdue. Made through the same services as the API and the portal (validated and audited), with links
 * handed over (no mailer during seeding). Returns the portal token of the one just sent, for the start banner:
 * tokens are kept only as hashes, so this is the one moment it can be printed.
 */
export const seedDemoQuestionnaires = async (
  db: Db,
  orgId: string,
  ref: ReferenceData,
  dataDir: string,
): Promise<{ portalToken: string } | undefined> => {
  const ctx = systemCtx(orgId);
  const { assignments, portal, review } = demoServices(db, ref, dataDir);

  const { template, suppliers } = await withTenant(db, orgId, async (tx) => ({
    template: (await listTemplates(tx, orgId, { status: 'published', limit: 1, offset: 0 })).items[0],
    suppliers: (await suppliersRepo.listCurrentSuppliers(tx, orgId))
      .filter((s) => s.tier === 1)
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
  if (!template || suppliers.length < 7) return undefined;
  const def: TemplateDefinition = template.definition;

  const send = async (supplierId: string, dueInDays: number, message: string) => {
    const [issued] = await assignments.create(ctx, {
      templateId: template.id,
      supplierIds: [supplierId],
      dueDate: inDays(dueInDays),
      message,
      recurrence: null,
    });
    return { id: issued!.id, token: tokenOf(issued!.portalUrl!) };
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
  const first = await send(sent!.id, 21, note);

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
  return { portalToken: first.token };
};

/**
 * A fresh portal link for the demo's open questionnaire, on a start after the first (the first start printed
 * the one it minted). Only the hash of a token is stored, so the earlier link cannot be printed again: a
 * newcomer restarting the demo wants a link that works from the banner, not a trip through the dashboard, so
 * the link is re-issued as an officer would (earlier links of that questionnaire stop working, and the audit
 * trail records a re-issue by the system). The questionnaire is the oldest one still waiting for the supplier
 * (sent or in progress) whose link was not revoked: an officer's revocation is not undone. None: undefined
 * (the banner then says how to get one).
 */
export const reissueDemoPortalLink = async (
  db: Db,
  orgId: string,
  ref: ReferenceData,
  dataDir: string,
): Promise<string | undefined> => {
  const open = await withTenant(db, orgId, async (tx) => {
    const rows = [];
    for (const status of ['sent', 'in_progress'] as const) {
      rows.push(
        ...(await assignmentsRepo.listAssignments(tx, orgId, { status, limit: 100, offset: 0 })).items,
      );
    }
    return rows
      .filter((r) => !r.linkRevokedAt)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0];
  });
  if (!open) return undefined;
  const issued = await demoServices(db, ref, dataDir).assignments.reissueLink(
    systemCtx(orgId),
    open.id,
    undefined,
  );
  return issued.portalUrl && issued.link.state === 'live' ? tokenOf(issued.portalUrl) : undefined;
};
