import type { Policy, PolicyDocument } from '#shared/schemas/policy.js';
import type { PolicyRow } from './policies.repo.js';

export const toPolicy = (r: PolicyRow): Policy => ({
  id: r.id,
  name: r.name,
  version: r.version,
  status: r.status,
  basedOnId: r.basedOnId,
  document: r.document as unknown as PolicyDocument,
  createdAt: r.createdAt.toISOString(),
  publishedAt: r.publishedAt?.toISOString() ?? null,
  createdBy: r.createdBy,
  revision: r.revision,
});

export const documentOf = (r: PolicyRow) => r.document as unknown as PolicyDocument;
