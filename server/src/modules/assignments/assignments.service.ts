import type {
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
import { randomToken, sha256Hex } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { Outbox } from '../mail/mail.outbox.js';
import { findOrganizationName } from '../orgs/orgs.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { TemplatesRepo } from '../templates/templates.repo.js';
import type { DefinitionOf } from './assignments.definitions.js';
import { toAssignment } from './assignments.mapping.js';
import * as repo from './assignments.repo.js';

/** A link works until this many days after the due date (late answers are still welcome). */
export const LINK_DAYS_AFTER_DUE = 60;

interface Deps {
  db: Db;
  outbox: Pick<Outbox, 'queue' | 'configured'>;
  kickMail: () => void;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
  templates: Pick<TemplatesRepo, 'findTemplate'>;
  publicUrl: string;
  definitionOf: DefinitionOf;
}

const linkExpiry = (dueDate: string) =>
  new Date(Math.max(Date.parse(`${dueDate}T23:59:59Z`), Date.now()) + LINK_DAYS_AFTER_DUE * 86_400_000);

/**
 * Sending questionnaires and managing their links. Each assignment gets its own 256-bit link; the response
 * that creates (or re-issues) it is the only place it ever appears, and only when no e-mail could carry it.
 */
export const createAssignmentsService = ({
  db,
  outbox,
  kickMail,
  suppliers,
  templates,
  publicUrl,
  definitionOf,
}: Deps) => {
  const portalUrl = (token: string) => `${publicUrl}/portal/${token}`;

  const present = async (tx: Tx, orgId: string, rows: repo.AssignmentRow[]) => {
    const answers = await repo.listAnswers(
      tx,
      orgId,
      rows.map((r) => r.id),
    );
    return Promise.all(
      rows.map(async (r) =>
        toAssignment(
          r,
          await definitionOf(tx, orgId, r.templateId),
          answers.filter((x) => x.assignmentId === r.id),
        ),
      ),
    );
  };

  const load = async (tx: Tx, ctx: RequestCtx, id: string) => {
    const row = await repo.findAssignment(tx, ctx.orgId, id);
    if (!row) throw notFound('Questionnaire', id);
    return row;
  };

  /** Issues a fresh link for an assignment and queues its e-mail; answers how it was delivered. */
  const issueLink = async (
    tx: Tx,
    ctx: RequestCtx,
    row: Pick<
      repo.AssignmentRow,
      'id' | 'supplierId' | 'supplierName' | 'templateId' | 'dueDate' | 'message'
    >,
    reissued: boolean,
  ) => {
    const token = randomToken();
    const supplier = await suppliers.findSupplier(tx, ctx.orgId, row.supplierId);
    const recipient = outbox.configured ? (supplier?.contacts.find((c) => c.email)?.email ?? null) : null;
    const def = await definitionOf(tx, ctx.orgId, row.templateId);
    const expiresAt = linkExpiry(row.dueDate);
    if (recipient) {
      await outbox.queue(tx, ctx.orgId, {
        to: recipient,
        params: {
          kind: 'questionnaire_invitation',
          organisation: await findOrganizationName(tx, ctx.orgId),
          supplierName: row.supplierName,
          questionnaire: def.title[def.defaultLocale] ?? '',
          dueDate: row.dueDate,
          message: row.message,
          reissued,
        },
        link: portalUrl(token),
        entityType: 'assignment',
        entityId: row.id,
      });
    }
    return {
      token,
      tokenHash: sha256Hex(token),
      expiresAt,
      recipient,
      delivery: (recipient ? 'email' : 'handed_over') as 'email' | 'handed_over',
    };
  };

  const withIssue = (
    a: Assignment,
    link: { delivery: 'email' | 'handed_over'; token: string },
  ): AssignmentIssued => ({
    ...a,
    delivery: link.delivery,
    ...(link.delivery === 'handed_over' ? { portalUrl: portalUrl(link.token) } : {}),
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

    async get(ctx: RequestCtx, id: string): Promise<Assignment> {
      requireRole(ctx, 'executive');
      return withTenant(
        db,
        ctx.orgId,
        async (tx) => (await present(tx, ctx.orgId, [await load(tx, ctx, id)]))[0]!,
      );
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
        const out: { id: string; link: Awaited<ReturnType<typeof issueLink>> }[] = [];
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
          const row = {
            id,
            supplierId,
            supplierName: supplier.name,
            templateId: template.id,
            dueDate: input.dueDate,
            message: input.message,
          };
          const link = await issueLink(tx, ctx, row, false);
          await repo.insertAssignment(tx, {
            id,
            orgId: ctx.orgId,
            supplierId,
            templateId: template.id,
            dueDate: input.dueDate,
            message: input.message,
            linkTokenHash: link.tokenHash,
            linkExpiresAt: link.expiresAt,
            linkRecipient: link.recipient,
            createdBy: ctx.userId,
          });
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
            },
          });
          out.push({ id, link });
        }
        const rows = await Promise.all(out.map((o) => load(tx, ctx, o.id)));
        const shown = await present(tx, ctx.orgId, rows);
        return shown.map((a, i) => withIssue(a, out[i]!.link));
      });
      kickMail();
      return created;
    },

    /** The link stops working at once; the answers stay. */
    async revokeLink(ctx: RequestCtx, id: string, expected: number | undefined): Promise<Assignment> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await load(tx, ctx, id);
        const [before] = await present(tx, ctx.orgId, [row]);
        checkRevision('questionnaire', expected, before!);
        if (!row.linkRevokedAt) {
          if (
            !(await repo.updateAssignment(tx, ctx.orgId, id, row.revision, { linkRevokedAt: new Date() }))
          ) {
            throw staleRevision(
              'questionnaire',
              (await present(tx, ctx.orgId, [await load(tx, ctx, id)]))[0]!,
            );
          }
          await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
            action: 'assignment.link_revoked',
            entityType: 'assignment',
            entityId: id,
            payload: { supplierId: row.supplierId },
          });
        }
        return (await present(tx, ctx.orgId, [await load(tx, ctx, id)]))[0]!;
      });
    },

    /** A new link replaces the old one (which stops working), e-mailed or handed to the officer. */
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
        const link = await issueLink(tx, ctx, row, true);
        const ok = await repo.updateAssignment(tx, ctx.orgId, id, row.revision, {
          linkTokenHash: link.tokenHash,
          linkExpiresAt: link.expiresAt,
          linkRevokedAt: null,
          linkRecipient: link.recipient,
        });
        if (!ok)
          throw staleRevision('questionnaire', (await present(tx, ctx.orgId, [await load(tx, ctx, id)]))[0]!);
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
        return withIssue((await present(tx, ctx.orgId, [await load(tx, ctx, id)]))[0]!, link);
      });
      kickMail();
      return issued;
    },
  };
};

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;
