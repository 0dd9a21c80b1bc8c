import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import type {
  AnswerCoverage,
  AnswerCoverageQuery,
  Assignment,
  AssignmentCreate,
  AssignmentIssued,
  AssignmentsQuery,
} from '#shared/schemas/assignments.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { checkRevision, staleRevision } from '../../lib/revision.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { TemplatesRepo } from '../templates/templates.repo.js';
import type { Links, MintedLink } from './assignments.links.js';
import { recurrenceOf } from './assignments.mapping.js';
import type { Present } from './assignments.present.js';
import * as repo from './assignments.repo.js';
import { revokePortalLinks } from './portal-links.repo.js';

export { LINK_DAYS_AFTER_DUE } from './assignments.links.js';

interface Deps {
  db: Db;
  kickMail: () => void;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
  templates: Pick<TemplatesRepo, 'findTemplate'>;
  links: Links;
  present: Present;
}

/**
 * Sending questionnaires and managing their links. Each assignment gets its own 256-bit link; the response
 * that creates (or re-issues) it is the only place it ever appears, and only when no e-mail could carry it.
 */
export const createAssignmentsService = ({ db, kickMail, suppliers, templates, links, present }: Deps) => {
  const load = async (tx: Tx, ctx: RequestCtx, id: string) => {
    const row = await repo.findAssignment(tx, ctx.orgId, id);
    if (!row) throw notFound('Questionnaire', id);
    return row;
  };
  const shown = async (tx: Tx, ctx: RequestCtx, id: string) =>
    (await present(tx, ctx.orgId, [await load(tx, ctx, id)]))[0]!;

  const withIssue = (a: Assignment, link: Pick<MintedLink, 'delivery' | 'token'>): AssignmentIssued => ({
    ...a,
    delivery: link.delivery,
    ...(link.delivery === 'handed_over' ? { portalUrl: links.portalUrl(link.token) } : {}),
  });

  return {
    async list(ctx: RequestCtx, q: AssignmentsQuery) {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, async (tx) => {
        const page = await repo.listAssignments(tx, ctx.orgId, q);
        return {
          items: await present(tx, ctx.orgId, page.items),
          total: page.total,
          limit: q.limit,
          offset: q.offset,
        };
      });
    },

    /** How much of the register has accepted answers that still count (and how much expires soon). */
    async coverage(ctx: RequestCtx, q: AnswerCoverageQuery): Promise<AnswerCoverage> {
      requireRole(ctx, 'executive');
      const today = utcDay(new Date());
      const c = await withTenant(db, ctx.orgId, (tx) =>
        repo.answerCoverage(tx, ctx.orgId, today, addDays(today, q.expiringWithinDays)),
      );
      return {
        activeSuppliers: c.active,
        covered: c.covered,
        share: c.active === 0 ? 0 : Math.round((c.covered / c.active) * 1000) / 1000,
        expiringSoon: c.expiring,
        expiringWithinDays: q.expiringWithinDays,
        expired: c.expired,
      };
    },

    async get(ctx: RequestCtx, id: string): Promise<Assignment> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, (tx) => shown(tx, ctx, id));
    },

    /** Sends a published template version to each supplier: one assignment, one link, one e-mail each. */
    async create(ctx: RequestCtx, input: AssignmentCreate): Promise<AssignmentIssued[]> {
      requireRole(ctx, 'officer');
      if (input.dueDate < new Date().toISOString().slice(0, 10)) {
        throw new AppError('validation_failed', 'The due date is in the past', [
          { path: 'dueDate', message: 'Choose today or a later day' },
        ]);
      }
      const created = await withTenant(db, ctx.orgId, async (tx) => {
        const template = await templates.findTemplate(tx, ctx.orgId, input.templateId);
        if (!template) throw notFound('Template', input.templateId);
        if (template.status !== 'published') {
          throw unprocessable(
            template.status === 'draft'
              ? `"${template.name}" is a draft: publish it before sending it`
              : `Version ${template.version} of "${template.name}" was replaced by a newer version: send that one`,
            'templateId',
          );
        }
        const out: { id: string; link: MintedLink }[] = [];
        for (const [i, supplierId] of input.supplierIds.entries()) {
          const supplier = await suppliers.findSupplier(tx, ctx.orgId, supplierId);
          if (!supplier) {
            throw new AppError('not_found', `Supplier ${supplierId} was not found`, [
              { path: `supplierIds.${i}`, message: 'No such supplier in this organisation' },
            ]);
          }
          if (supplier.archivedAt) {
            throw unprocessable(
              `"${supplier.name}" is archived: restore it before sending it a questionnaire`,
              `supplierIds.${i}`,
            );
          }
          const id = crypto.randomUUID();
          await repo.insertAssignment(tx, {
            id,
            orgId: ctx.orgId,
            supplierId,
            templateId: template.id,
            dueDate: input.dueDate,
            message: input.message,
            recurrence: input.recurrence?.kind ?? null,
            recurrenceMonths: input.recurrence?.kind === 'every_months' ? input.recurrence.months : null,
            createdBy: ctx.userId,
          });
          const link = await links.invite(
            tx,
            ctx.orgId,
            { ...input, id, supplierId, supplierName: supplier.name, templateId: template.id },
            'invitation',
          );
          await repo.setLinkState(tx, ctx.orgId, id, link);
          await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
            action: 'assignment.created',
            entityType: 'assignment',
            entityId: id,
            payload: {
              supplierId,
              supplierName: supplier.name,
              templateId: template.id,
              templateVersion: template.version ?? 0,
              dueDate: input.dueDate,
              delivery: link.delivery,
              recurrence: input.recurrence ?? null,
            },
          });
          out.push({ id, link });
        }
        const rows = await Promise.all(out.map((o) => load(tx, ctx, o.id)));
        const items = await present(tx, ctx.orgId, rows);
        return items.map((a, i) => withIssue(a, out[i]!.link));
      });
      kickMail();
      return created;
    },

    /** Every link of the questionnaire (the first, re-issued and reminders' ones) stops working at once; the answers stay. */
    async revokeLink(ctx: RequestCtx, id: string, expected: number | undefined): Promise<Assignment> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await load(tx, ctx, id);
        const [before] = await present(tx, ctx.orgId, [row]);
        checkRevision('questionnaire', expected, before!);
        // Accepted questionnaires too: their link still opens the accepted answers and the remediation tasks
        // shared with the supplier, so a leaked one must be stoppable (it cannot be re-issued: reissueLink
        // refuses an accepted questionnaire).
        if (!row.linkRevokedAt) {
          const at = new Date();
          if (!(await repo.updateAssignment(tx, ctx.orgId, id, row.revision, { linkRevokedAt: at }))) {
            throw staleRevision('questionnaire', await shown(tx, ctx, id));
          }
          await revokePortalLinks(tx, ctx.orgId, id, at);
          await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
            action: 'assignment.link_revoked',
            entityType: 'assignment',
            entityId: id,
            payload: { supplierId: row.supplierId },
          });
        }
        return shown(tx, ctx, id);
      });
    },

    /**
     * The questionnaire is not sent again. Locked first, as the schedule's re-send locks it: either the re-send
     * came first (then this one has a successor and is refused: the newest carries the recurrence on) or it
     * sees the recurrence gone and sends nothing.
     */
    async stopRecurrence(ctx: RequestCtx, id: string, expected: number | undefined): Promise<Assignment> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        await repo.lockAssignment(tx, ctx.orgId, id);
        const row = await load(tx, ctx, id);
        const [before] = await present(tx, ctx.orgId, [row]);
        checkRevision('questionnaire', expected, before!);
        const recurrence = recurrenceOf(row);
        if (!recurrence) return before!;
        if (row.nextId) {
          throw unprocessable(
            'This questionnaire was already sent again: stop the recurrence on the newest one',
            'id',
          );
        }
        const ok = await repo.updateAssignment(tx, ctx.orgId, id, row.revision, {
          recurrence: null,
          recurrenceMonths: null,
        });
        if (!ok) throw staleRevision('questionnaire', await shown(tx, ctx, id));
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'assignment.recurrence_stopped',
          entityType: 'assignment',
          entityId: id,
          payload: { supplierId: row.supplierId, recurrence },
        });
        return shown(tx, ctx, id);
      });
    },

    /** A new link replaces all the others (which stop working), e-mailed or handed to the officer. */
    async reissueLink(ctx: RequestCtx, id: string, expected: number | undefined): Promise<AssignmentIssued> {
      requireRole(ctx, 'officer');
      const issued = await withTenant(db, ctx.orgId, async (tx) => {
        const row = await load(tx, ctx, id);
        const [before] = await present(tx, ctx.orgId, [row]);
        checkRevision('questionnaire', expected, before!);
        if (row.status === 'accepted') {
          throw unprocessable(
            'This questionnaire was accepted: send a new one instead of re-opening its link',
          );
        }
        // Claim the row at its revision first: a concurrent re-issue then fails before minting anything.
        const ok = await repo.updateAssignment(tx, ctx.orgId, id, row.revision, {});
        if (!ok) throw staleRevision('questionnaire', await shown(tx, ctx, id));
        await revokePortalLinks(tx, ctx.orgId, id);
        const link = await links.invite(tx, ctx.orgId, row, 'reissue');
        await repo.setLinkState(tx, ctx.orgId, id, link);
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'assignment.link_reissued',
          entityType: 'assignment',
          entityId: id,
          payload: {
            supplierId: row.supplierId,
            expiresAt: link.expiresAt.toISOString(),
            delivery: link.delivery,
          },
        });
        return withIssue(await shown(tx, ctx, id), link);
      });
      kickMail();
      return issued;
    },
  };
};

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
