import { normaliseGood } from '#shared/domain/reference/goods.js';
import type { Changes } from '#shared/schemas/audit.js';
import type { Supplier, SupplierCreate, SupplierProfile, SupplierUpdate } from '#shared/schemas/suppliers.js';
import type { SupplierInsert, SupplierRow } from './suppliers.repo.js';

const RATING_RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;
/** The `rating_rank` column: 0 never assessed, 1 low … 4 critical, so lists sort by severity. */
export const ratingRank = (rating: keyof typeof RATING_RANK | null) => (rating ? RATING_RANK[rating] : 0);

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
  risk:
    r.currentAssessmentId && r.rating && r.assessedAt
      ? {
          assessmentId: r.currentAssessmentId,
          rating: r.rating,
          inherentScore: r.inherentScore ?? 0,
          residualScore: r.residualScore ?? 0,
          assessedAt: r.assessedAt.toISOString(),
          policyVersion: r.policyVersion ?? 0,
        }
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

const uniqueGoodKeys = (goods: string[]) => [...new Set(goods.map(normaliseGood).filter(Boolean))];

/** API input → column values. Empty optional strings are stored as NULL, contacts without blanks. */
export const toColumns = (input: SupplierUpdate): Partial<SupplierInsert> => {
  const out: Partial<SupplierInsert> = {};
  const set = <K extends keyof SupplierInsert>(k: K, v: SupplierInsert[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('name', input.name);
  set('legalName', input.legalName === undefined ? undefined : input.legalName || null);
  set('country', input.country);
  if (input.goods) {
    out.goods = input.goods;
    out.goodKeys = uniqueGoodKeys(input.goods);
  }
  set('sector', input.sector === undefined ? undefined : input.sector || null);
  set('tier', input.tier);
  set('parentId', input.parentId);
  set('annualSpend', input.annualSpend);
  set('currency', input.currency);
  set('headcount', input.headcount);
  set('migrantWorkerShare', input.migrantWorkerShare);
  set('agencyWorkerShare', input.agencyWorkerShare);
  set('status', input.status);
  set('externalRef', input.externalRef === undefined ? undefined : input.externalRef || null);
  set('tags', input.tags === undefined ? undefined : [...new Set(input.tags)]);
  set(
    'contacts',
    input.contacts?.map((c) => ({
      name: c.name,
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
    })),
  );
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
    if (k === 'goodKeys' || k === 'orgId') continue;
    const old = before[k as keyof SupplierRow];
    if (!same(old, v)) changes[k] = { from: old ?? null, to: v ?? null };
  }
  return changes;
};

/** The register record as the audit trail keeps it on creation. */
export const auditSnapshot = (r: SupplierRow | SupplierInsert): Record<string, unknown> => {
  const { orgId: _o, createdAt: _c, updatedAt: _u, goodKeys: _g, ...rest } = r;
  return Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v != null && !(Array.isArray(v) && v.length === 0)),
  );
};
