import { count, eq } from 'drizzle-orm';
import { DEFAULT_TEMPLATE } from '#shared/domain/questionnaires/default-template.js';
import { textIn } from '#shared/domain/questionnaires/questions.js';
import type { Db, Tx } from '../../db/client.js';
import { questionnaireTemplates } from '../../db/schema/questionnaires.js';
import { withTenant } from '../../db/tenant.js';
import { type Actor, SYSTEM_ACTOR } from '../../lib/context.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { findOrganizations } from '../orgs/orgs.repo.js';
import { insertTemplate } from './templates.repo.js';

/**
 * The name the shipped questionnaire has in every organisation's template list: its own English title, so the
 * dashboard (which lists templates by name) and the supplier's portal (which shows the title) call it alike.
 */
export const DEFAULT_TEMPLATE_NAME = textIn(DEFAULT_TEMPLATE.title, 'en', DEFAULT_TEMPLATE);

/** Publishes the shipped questionnaire as version 1 of its own family, audited, in the caller's transaction. */
export const publishDefaultTemplate = async (tx: Tx, orgId: string, actor: Actor = SYSTEM_ACTOR) => {
  const id = crypto.randomUUID();
  await insertTemplate(tx, {
    id,
    orgId,
    familyId: id,
    name: DEFAULT_TEMPLATE_NAME,
    status: 'published',
    version: 1,
    definition: DEFAULT_TEMPLATE,
    publishedAt: new Date(),
  });
  await appendAuditEvent(tx, orgId, actor, {
    action: 'template.published',
    entityType: 'template',
    entityId: id,
    payload: { name: DEFAULT_TEMPLATE_NAME, familyId: id, version: 1, retiredId: null },
  });
};

/**
 * Organisations created before questionnaires existed get the shipped one at start-up (new organisations get
 * it at creation). An organisation with any template, even one it deleted down to drafts, is left alone.
 */
export const ensureDefaultTemplates = async (db: Db): Promise<number> => {
  let added = 0;
  for (const org of await findOrganizations(db)) {
    await withTenant(db, org.id, async (tx) => {
      const [row] = await tx
        .select({ n: count() })
        .from(questionnaireTemplates)
        .where(eq(questionnaireTemplates.orgId, org.id));
      if ((row?.n ?? 0) > 0) return;
      await publishDefaultTemplate(tx, org.id);
      added++;
    });
  }
  return added;
};
