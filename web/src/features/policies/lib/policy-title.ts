import type { Policy } from '#shared/schemas/policy.js';

/** "version 3 (Clearsource default policy)" for a published or retired policy, the name for a draft. */
export const policyTitle = (policy: Pick<Policy, 'name' | 'version'>): string =>
  policy.version === null ? `“${policy.name}”` : `version ${policy.version} (${policy.name})`;

/** The version a draft would get if published now. */
export const nextVersion = (policies: readonly Pick<Policy, 'version'>[]): number =>
  Math.max(0, ...policies.map((p) => p.version ?? 0)) + 1;
