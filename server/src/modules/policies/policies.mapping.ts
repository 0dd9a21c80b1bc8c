import type { Policy } from '#shared/schemas/policy.js';
import type { PolicyRow } from './policies.repo.js';

export const toPolicy = (r: PolicyRow): Policy => ({
  id: r.id,
  name: r.name,
  version: r.version,
  status: r.status,
  basedOnId: r.basedOnId,
  document: r.document,
  createdAt: r.createdAt.toISOString(),
  publishedAt: r.publishedAt?.toISOString() ?? null,
  createdBy: r.createdBy,
  revision: r.revision,
});
