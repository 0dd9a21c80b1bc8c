import { DEFAULT_TEMPLATE } from '#shared/domain/questionnaires/default-template.js';
import { validateTemplate } from '#shared/domain/questionnaires/validate.js';
import type { Changes } from '#shared/schemas/audit.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { Template, TemplateCreate, TemplatesQuery, TemplateUpdate } from '#shared/schemas/templates.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/pg-errors.js';
import { checkRevision, staleRevision, written } from '../../lib/revision.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import { issuePath, toTemplate, toTemplateSummary } from './templates.mapping.js';
import * as repo from './templates.repo.js';

interface Deps {
  db: Db;
  /** Templates are checked against the organisation's published policy (its criteria and red flags). */
  policies: Pick<PoliciesRepo, 'findPublishedPolicy'>;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const draftExists = (name = 'This template') =>
  new AppError('conflict', `"${name}" already has a draft: edit that one, or delete it first`, [
    { path: 'basedOnId', message: 'This template already has a draft' },
  ]);

/**
 * Questionnaire templates: create (blank import, the shipped default, or a new draft of a published one),
 * edit drafts, publish (numbered within the family, the previous version retired), delete unpublished drafts.
 */
export const createTemplatesService = ({ db, policies }: Deps) => {
  const issuesOf = async (tx: Tx, orgId: string, def: TemplateDefinition) => {
    const policy = await policies.findPublishedPolicy(tx, orgId);
    return policy ? validateTemplate(def, policy.document) : [];
  };
  const load = async (tx: Tx, ctx: RequestCtx, id: string) => {
    const row = await repo.findTemplate(tx, ctx.orgId, id);
    if (!row) throw notFound('Template', id);
    return row;
  };
  const present = async (tx: Tx, ctx: RequestCtx, row: repo.TemplateRow) =>
    toTemplate(row, await issuesOf(tx, ctx.orgId, row.definition));
  const loadForUpdate = async (tx: Tx, ctx: RequestCtx, id: string, expected: number | undefined) => {
    const row = await load(tx, ctx, id);
    checkRevision('template', expected, toTemplateSummary(row));
    return row;
  };
  const write = async (
    tx: Tx,
    ctx: RequestCtx,
    before: repo.TemplateRow,
    values: Partial<repo.TemplateInsert>,
  ) =>
    written(
      await repo.updateTemplate(tx, ctx.orgId, before.id, before.revision, values),
      'template',
      async () => {
        const row = await repo.findTemplate(tx, ctx.orgId, before.id);
        return row && toTemplateSummary(row);
      },
    );
  const draftOnly = (row: repo.TemplateRow) => {
    if (row.status !== 'draft') {
      throw unprocessable(
        `Version ${row.version} of "${row.name}" is ${row.status} and cannot change: questionnaires were sent with it. Make a new draft version of it instead.`,
      );
    }
  };

  return {
    async list(ctx: RequestCtx, q: TemplatesQuery) {
      requireRole(ctx, 'executive');
      const page = await withTenant(db, ctx.orgId, (tx) => repo.listTemplates(tx, ctx.orgId, q));
      return {
        items: page.items.map(toTemplateSummary),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    },

    async get(ctx: RequestCtx, id: string): Promise<Template> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, async (tx) => present(tx, ctx, await load(tx, ctx, id)));
    },

    async create(ctx: RequestCtx, input: TemplateCreate): Promise<Template> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        let definition = input.definition ?? DEFAULT_TEMPLATE;
        let familyId: string | undefined;
        let source: 'import' | 'default' | 'new_version' = input.from === 'default' ? 'default' : 'import';
        if (input.basedOnId) {
          const base = await repo.findTemplate(tx, ctx.orgId, input.basedOnId);
          if (!base) throw notFound('Template', input.basedOnId);
          if (await repo.findDraftInFamily(tx, ctx.orgId, base.familyId)) throw draftExists(base.name);
          [definition, familyId, source] = [base.definition, base.familyId, 'new_version'];
        }
        const id = crypto.randomUUID();
        const row = await repo
          .insertTemplate(tx, {
            id,
            orgId: ctx.orgId,
            familyId: familyId ?? id,
            name: input.name,
            status: 'draft',
            basedOnId: input.basedOnId ?? null,
            definition,
            createdBy: ctx.userId,
          })
          // Two "new version" clicks at once: the one-draft-per-family index stops the second.
          .catch((err) => {
            throw isUniqueViolation(err) && familyId ? draftExists() : err;
          });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'template.created',
          entityType: 'template',
          entityId: row.id,
          payload: { name: row.name, familyId: row.familyId, basedOnId: row.basedOnId, source },
        });
        return present(tx, ctx, row);
      });
    },

    async update(ctx: RequestCtx, id: string, patch: TemplateUpdate, expected?: number): Promise<Template> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const before = await loadForUpdate(tx, ctx, id, expected ?? patch.revision);
        draftOnly(before);
        const changes: Changes = {};
        if (patch.name !== undefined && patch.name !== before.name) {
          changes.name = { from: before.name, to: patch.name };
        }
        // The definition is large: the trail records that it changed (the record keeps the new one).
        if (patch.definition !== undefined && !sameJson(patch.definition, before.definition)) {
          changes.definition = { from: null, to: null };
        }
        if (Object.keys(changes).length === 0) return present(tx, ctx, before);
        const row = await write(tx, ctx, before, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.definition !== undefined ? { definition: patch.definition } : {}),
        });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'template.updated',
          entityType: 'template',
          entityId: id,
          payload: { changes },
        });
        return present(tx, ctx, row);
      });
    },

    /**
     * Freezes the draft as the family's next version; the version it replaces is retired (assignments sent
     * with it keep pointing at it). Refused while the published policy would not score its answers.
     */
    async publish(ctx: RequestCtx, id: string, expected: number | undefined): Promise<Template> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const draft = await loadForUpdate(tx, ctx, id, expected);
        draftOnly(draft);
        const issues = await issuesOf(tx, ctx.orgId, draft.definition);
        if (issues.length > 0) {
          throw new AppError(
            'unprocessable',
            `"${draft.name}" cannot be published yet: ${issues.length === 1 ? 'one question names' : `${issues.length} questions name`} what the published policy does not define`,
            issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
          );
        }
        const previous = await repo.findPublishedInFamily(tx, ctx.orgId, draft.familyId);
        if (previous) await write(tx, ctx, previous, { status: 'retired', retiredAt: new Date() });
        const version = await repo.nextVersionInFamily(tx, ctx.orgId, draft.familyId);
        const row = await write(tx, ctx, draft, { status: 'published', version, publishedAt: new Date() });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'template.published',
          entityType: 'template',
          entityId: id,
          payload: { name: row.name, familyId: row.familyId, version, retiredId: previous?.id ?? null },
        });
        return present(tx, ctx, row);
      });
    },

    /** Deletes a draft that was never published (nothing can point at it). */
    async remove(ctx: RequestCtx, id: string, expected: number | undefined): Promise<void> {
      requireRole(ctx, 'officer');
      await withTenant(db, ctx.orgId, async (tx) => {
        const row = await loadForUpdate(tx, ctx, id, expected);
        draftOnly(row);
        if (!(await repo.deleteDraft(tx, ctx.orgId, id, row.revision))) {
          // Another write came in between: the 409 carries the record as it is now.
          const now = await repo.findTemplate(tx, ctx.orgId, id);
          if (!now) throw notFound('Template', id);
          throw staleRevision('template', toTemplateSummary(now));
        }
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'template.deleted',
          entityType: 'template',
          entityId: id,
          payload: { name: row.name, familyId: row.familyId, revision: row.revision },
        });
      });
    },
  };
};

export type TemplatesService = ReturnType<typeof createTemplatesService>;
