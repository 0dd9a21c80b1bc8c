import type { ReactNode } from 'react';
import { usePublishedPolicy } from '../../../policies/api.js';
import { PolicyKeysContext } from './policy-keys.js';

/** Gives the builder's selects the published policy's criteria and red flags. */
export function PolicyKeysProvider({ children }: { children: ReactNode }) {
  const policy = usePublishedPolicy().data;
  const value = policy
    ? {
        criteria: policy.document.criteria.map((c) => ({ key: c.key, name: c.name })),
        redFlags: policy.document.redFlags.map((f) => ({ key: f.key, name: f.name })),
        known: true,
      }
    : { criteria: [], redFlags: [], known: false };
  return <PolicyKeysContext value={value}>{children}</PolicyKeysContext>;
}
