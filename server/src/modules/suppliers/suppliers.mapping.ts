import type { Changes } from '#shared/schemas/audit.js';
import type { Supplier, SupplierCreate, SupplierProfile, SupplierUpdate } from '#shared/schemas/suppliers.js';
import type { SupplierInsert, SupplierRow } from './suppliers.repo.js';
import { goodKeysColumns } from './suppliers-goods.js';

export const toSupplier = (r: SupplierRow): Supplier => ({
  id: r.id,
  name: r.name,
  legalName: r.legalName,
  country: r.country,
  goods: r.goods,
  sector: r.sector,
  tier: r.tier,
  parentId: r.parentId,
  annualSpend: r.annualSpend,
  currency: r.currency,
  headcount: r.headcount,
  migrantWorkerShare: r.migrantWorkerShare,
  agencyWorkerShare: r.agencyWorkerShare,
  status: r.status,
  externalRef: r.externalRef,
  tags: r.tags,
  contacts: r.contacts,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  archivedAt: r.archivedAt?.toISOString() ?? null,
  revision: r.revision,
  risk:
    r.currentAssessmentId && r.rating && r.assessedAt
      ? {
          assessmentId: r.currentAssessmentId,
          rating: r.rating,
          ratingFloor: r.ratingFloor ?? null,
          inherentScore: r.inherentScore ?? 0,
          residualScore: r.residualScore ?? 0,
          assessedAt: r.assessedAt.toISOString(),
          policyVersion: r.policyVersion ?? 0,
        }
      : null,
  chainRisk:
    r.chainRiskRating && r.chainRiskScore !== null && r.chainRiskSupplierId
      ? { rating: r.chainRiskRating, residualScore: r.chainRiskScore, supplierId: r.chainRiskSupplierId }
      : null,
});

/** What the scoring engine reads of a supplier; stored in every assessment's inputs. */
export const toProfile = (
  r: Pick<
    SupplierRow,
    'country' | 'goods' | 'tier' | 'headcount' | 'migrantWorkerShare' | 'agencyWorkerShare'
  >,
): SupplierProfile => ({
  country: r.country,
  goods: [...r.goods],
  tier: r.tier,
  headcount: r.headcount,
  migrantWorkerShare: r.migrantWorkerShare,
  agencyWorkerShare: r.agencyWorkerShare,
});

/** API input → column values. Empty optional strings are stored as NULL, contacts without blanks. */
export const toColumns = (input: SupplierUpdate): Partial<SupplierInsert> => {
  // Plain assignments, no helper closure: an import runs this for every row.
  const out: Partial<SupplierInsert> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.legalName !== undefined) out.legalName = input.legalName || null;
  if (input.country !== undefined) out.country = input.country;
  if (input.goods) {
    out.goods = input.goods;
    const keys = goodKeysColumns(input.goods);
    out.goodKeys = keys.goodKeys;
    out.goodKeysVersion = keys.goodKeysVersion;
  }
  if (input.sector !== undefined) out.sector = input.sector || null;
  if (input.tier !== undefined) out.tier = input.tier;
  if (input.parentId !== undefined) out.parentId = input.parentId;
  if (input.annualSpend !== undefined) out.annualSpend = input.annualSpend;
  if (input.currency !== undefined) out.currency = input.currency;
  if (input.headcount !== undefined) out.headcount = input.headcount;
  if (input.migrantWorkerShare !== undefined) out.migrantWorkerShare = input.migrantWorkerShare;
  if (input.agencyWorkerShare !== undefined) out.agencyWorkerShare = input.agencyWorkerShare;
  if (input.status !== undefined) out.status = input.status;
  if (input.externalRef !== undefined) out.externalRef = input.externalRef || null;
  if (input.tags !== undefined) out.tags = [...new Set(input.tags)];
  if (input.contacts !== undefined) {
    out.contacts = input.contacts.map((c) => ({
      name: c.name,
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
    }));
  }
  return out;
};

export const createColumns = (orgId: string, input: SupplierCreate): SupplierInsert => ({
  ...(toColumns(input) as SupplierInsert),
  orgId,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-level changes that `values` would make to `before` (the audit payload of an update). */
export const diffColumns = (before: SupplierRow, values: Partial<SupplierInsert>): Changes => {
  const changes: Changes = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'goodKeys' || k === 'goodKeysVersion' || k === 'orgId') continue;
    const old = before[k as keyof SupplierRow];
    if (!same(old, v)) changes[k] = { from: old ?? null, to: v ?? null };
  }
  return changes;
};

const SNAPSHOT_SKIPS = new Set([
  'orgId',
  'createdAt',
  'updatedAt',
  'goodKeys',
  'goodKeysVersion',
  'revision',
]);

/** The register record as the audit trail keeps it on creation. */
export const auditSnapshot = (r: SupplierRow | SupplierInsert): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v == null || (Array.isArray(v) && v.length === 0) || SNAPSHOT_SKIPS.has(k)) continue;
    out[k] = v;
  }
  return out;
};
