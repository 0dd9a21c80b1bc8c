import type { AuditExportQuery, AuditQuery } from '#shared/schemas/audit.js';
import type {
  AuditCheckpoint,
  AuditCheckpointFile,
  AuditErasureCreate,
} from '#shared/schemas/audit-anchors.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { conflict } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { listAuditEvents, listCheckpoints } from './audit.repo.js';
import { auditAnchoring, CHECKPOINT_MESSAGE_FORMAT } from './audit-anchor.js';
import { checkpointAuditHead, toCheckpoint } from './audit-append.js';
import { drainAuditQueue } from './audit-deferred.js';
import { erasePersonalData } from './audit-erase.js';
import { exportAuditCsv } from './audit-export.js';
import { type EntityNameSources, entityLabelSql } from './audit-labels.js';
import { readEvents } from './audit-read.js';
import { verifyAuditChain } from './audit-verify.js';

interface Deps {
  db: Db;
  /** The entities' names, each from the module that owns its table (the list shows and searches them). */
  names: EntityNameSources;
}

export const createAuditService = ({ db, names }: Deps) => {
  const label = entityLabelSql(names);
  return {
    /** Admins and officers read the trail; executives see reports instead. */
    async list(ctx: RequestCtx, q: AuditQuery) {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        // Queued events are chained first: the list shows every change that has committed.
        await drainAuditQueue(tx, ctx.orgId);
        const page = await listAuditEvents(tx, ctx.orgId, q, label);
        const items = await readEvents(tx, ctx.orgId, page.items);
        return { items, total: page.total, limit: q.limit, offset: q.offset };
      });
    },

    exportCsv(ctx: RequestCtx, q: AuditExportQuery) {
      requireRole(ctx, 'officer');
      return exportAuditCsv(db, ctx.orgId, q, label);
    },

    async verify(ctx: RequestCtx) {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        await drainAuditQueue(tx, ctx.orgId);
        return verifyAuditChain(tx, ctx.orgId);
      });
    },

    /** The signed checkpoints with the public key that checks them: administrators keep this file elsewhere. */
    async checkpoints(ctx: RequestCtx): Promise<AuditCheckpointFile> {
      requireRole(ctx, 'admin');
      const signer = auditAnchoring()!.signer;
      const rows = await withTenant(db, ctx.orgId, (tx) => listCheckpoints(tx, ctx.orgId));
      return {
        orgId: ctx.orgId,
        algorithm: 'Ed25519',
        publicKey: signer.publicKeyPem,
        keyId: signer.keyId,
        message: CHECKPOINT_MESSAGE_FORMAT,
        checkpoints: rows.map(toCheckpoint),
      };
    },

    /** Records a checkpoint of the head now (or answers the latest one if it already names the head). */
    async checkpoint(ctx: RequestCtx): Promise<AuditCheckpoint> {
      requireRole(ctx, 'admin');
      const cp = await withTenant(db, ctx.orgId, (tx) => checkpointAuditHead(tx, ctx.orgId, 'on_demand'));
      // Every organisation's chain starts with its creation event, so an empty chain means a broken set-up.
      if (!cp) throw conflict('The audit trail of this organisation is empty: there is no head to record');
      return cp;
    },

    async erase(ctx: RequestCtx, input: AuditErasureCreate) {
      requireRole(ctx, 'admin');
      return withTenant(db, ctx.orgId, (tx) => erasePersonalData(tx, ctx.orgId, ctx.actor, input));
    },
  };
};

export type AuditService = ReturnType<typeof createAuditService>;
