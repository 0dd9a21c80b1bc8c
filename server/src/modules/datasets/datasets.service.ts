import { diffReference, withEdition } from '#shared/domain/reference/editions.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import {
  type DatasetEdition,
  type DatasetsOverview,
  type EditionDiff,
  type EditionUploadFields,
  type EditionUploadResult,
  ISSUES_SHOWN,
  LOADABLE_KINDS,
  type LoadableKind,
} from '#shared/schemas/datasets.js';
import type { PolicyDatasets } from '#shared/schemas/policy.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { conflict, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import { editionInfo, type References } from './datasets.references.js';
import * as repo from './datasets.repo.js';
import { readUploadedGrid } from './datasets-file.js';
import { validateEdition } from './datasets-validate.js';

type Pins = Awaited<ReturnType<PoliciesRepo['listDatasetPins']>>;

interface Deps {
  db: Db;
  references: References;
  /** Which policies pin which edition (lists, and the delete guard). */
  policies: Pick<PoliciesRepo, 'listDatasetPins' | 'findPublishedPolicy'>;
}

const labelOf = (row: { kind: LoadableKind; edition: string }, ref: ReferenceData) =>
  `${ref.datasets.find((d) => d.kind === row.kind)?.shortName ?? row.kind} ${row.edition}`;

export const createDatasetsService = ({ db, references, policies }: Deps) => {
  const shipped = references.shipped;

  const toEdition = (row: repo.EditionSummaryRow, pins: Pins): DatasetEdition => ({
    id: row.id,
    kind: row.kind,
    edition: row.edition,
    publisher: row.publisher,
    url: row.url,
    publishedOn: row.publishedOn,
    fileName: row.fileName,
    sha256: row.sha256,
    rows: row.rowCount,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByLabel,
    dataset: editionInfo(row, shipped),
    pinnedBy: pins
      .filter((p) => p.datasets[row.kind] === row.id)
      .map(({ id, name, status, version }) => ({ id, name, status, version })),
  });

  /** The reference the organisation scores with today: its published policy's (the shipped data if none). */
  const inUse = async (tx: Tx, orgId: string): Promise<ReferenceData> => {
    const published = await policies.findPublishedPolicy(tx, orgId);
    return published ? references.forDocument(tx, orgId, published.document) : shipped;
  };

  const diffOf = async (tx: Tx, orgId: string, id: string): Promise<EditionDiff> => {
    const loaded = await references.edition(tx, orgId, id);
    if (!loaded) throw notFound('Dataset edition', id);
    const before = await inUse(tx, orgId);
    return diffReference(loaded.content.kind, before, withEdition(before, loaded));
  };

  return {
    async overview(ctx: RequestCtx): Promise<DatasetsOverview> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, async (tx) => {
        const pins = await policies.listDatasetPins(tx, ctx.orgId);
        const rows = await repo.listEditions(tx, ctx.orgId);
        return { shipped: shipped.datasets, editions: rows.map((r) => toEdition(r, pins)) };
      });
    },

    async get(ctx: RequestCtx, id: string): Promise<DatasetEdition> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await repo.findEditionSummary(tx, ctx.orgId, id);
        if (!row) throw notFound('Dataset edition', id);
        return toEdition(row, await policies.listDatasetPins(tx, ctx.orgId));
      });
    },

    /** Row by row, what this edition changes against the edition the published policy uses. */
    async diff(ctx: RequestCtx, id: string): Promise<EditionDiff> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, (tx) => diffOf(tx, ctx.orgId, id));
    },

    /**
     * Validates an uploaded edition row by row and, when every row is right, stores it (pinned by no policy
     * yet) with its audit event, and answers the diff against the edition in use. A file with problems is
     * refused whole, with them: nothing is stored.
     */
    async upload(
      ctx: RequestCtx,
      fields: EditionUploadFields,
      file: { buffer: Buffer; fileName: string },
    ): Promise<EditionUploadResult> {
      requireRole(ctx, 'admin');
      const grid = await readUploadedGrid(file.buffer);
      const v = validateEdition(fields.kind, fields.edition, grid.rows);
      if (!v.content) {
        return {
          accepted: false,
          edition: null,
          diff: null,
          rows: v.rows,
          issues: v.issues.slice(0, ISSUES_SHOWN),
          issuesTotal: v.issues.length,
        };
      }
      const content = v.content;
      return withTenant(db, ctx.orgId, async (tx) => {
        const label = labelOf(fields, shipped);
        const same = await repo.findEditionBySha(tx, ctx.orgId, fields.kind, grid.sha256);
        if (same) {
          throw conflict(
            `This file is already loaded as ${labelOf(same, shipped)} (${same.fileName}, ${same.id})`,
            'file',
          );
        }
        const row = await repo.insertEdition(tx, {
          orgId: ctx.orgId,
          kind: fields.kind,
          edition: fields.edition,
          publisher: fields.publisher,
          url: fields.url,
          publishedOn: fields.publishedOn,
          fileName: file.fileName,
          sha256: grid.sha256,
          rowCount: v.rows,
          content,
          createdBy: ctx.userId,
          createdByLabel: ctx.actor.label ?? ctx.actor.type,
        });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'dataset_edition.loaded',
          entityType: 'dataset_edition',
          entityId: row.id,
          payload: {
            kind: row.kind,
            edition: row.edition,
            label,
            publisher: row.publisher,
            url: row.url,
            publishedOn: row.publishedOn,
            fileName: row.fileName,
            sha256: row.sha256,
            rows: row.rowCount,
          },
        });
        const pins = await policies.listDatasetPins(tx, ctx.orgId);
        return {
          accepted: true,
          edition: toEdition(row, pins),
          diff: await diffOf(tx, ctx.orgId, row.id),
          rows: v.rows,
          issues: [],
          issuesTotal: 0,
        };
      });
    },

    /** Deletes an edition no policy pins (a draft, published or retired one would lose what it scored with). */
    async delete(ctx: RequestCtx, id: string): Promise<void> {
      requireRole(ctx, 'admin');
      await withTenant(db, ctx.orgId, async (tx) => {
        await repo.lockPins(tx, ctx.orgId);
        const row = await repo.findEditionSummary(tx, ctx.orgId, id);
        if (!row) throw notFound('Dataset edition', id);
        const users = (await policies.listDatasetPins(tx, ctx.orgId)).filter(
          (p) => p.datasets[row.kind] === id,
        );
        if (users.length > 0) {
          const names = users.map((p) => (p.version ? `"${p.name}" v${p.version}` : `draft "${p.name}"`));
          throw unprocessable(
            `${labelOf(row, shipped)} is pinned by ${names.join(', ')}: a policy keeps the editions it scored with`,
          );
        }
        await repo.deleteEdition(tx, ctx.orgId, id);
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'dataset_edition.deleted',
          entityType: 'dataset_edition',
          entityId: id,
          payload: { kind: row.kind, edition: row.edition, label: labelOf(row, shipped), sha256: row.sha256 },
        });
      });
      references.forget(ctx.orgId, id);
    },

    /**
     * For the policies module: refuses pins that name no edition of this organisation of that kind (another
     * organisation's id reads as not found), and holds off a concurrent delete of them until the pin commits.
     */
    async checkPins(tx: Tx, orgId: string, datasets: PolicyDatasets | undefined): Promise<void> {
      const wanted = LOADABLE_KINDS.flatMap((kind) =>
        datasets?.[kind] ? [{ kind, id: datasets[kind] }] : [],
      );
      if (wanted.length === 0) return;
      await repo.lockPins(tx, orgId);
      const found = await repo.findEditionSummaries(
        tx,
        orgId,
        wanted.map((w) => w.id),
      );
      for (const w of wanted) {
        const row = found.find((f) => f.id === w.id);
        if (!row) throw unprocessable(`Dataset edition ${w.id} was not found`, `document.datasets.${w.kind}`);
        if (row.kind !== w.kind) {
          throw unprocessable(
            `Dataset edition ${w.id} is a ${labelOf(row, shipped)} edition, not ${w.kind}`,
            `document.datasets.${w.kind}`,
          );
        }
      }
    },
  };
};

export type DatasetsService = ReturnType<typeof createDatasetsService>;
