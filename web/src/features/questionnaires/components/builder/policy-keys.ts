import { createContext, useContext } from 'react';

export interface PolicyKey {
  key: string;
  name: string;
}

/** The published policy's criteria and red flags: what scoring may name (the server checks the same). */
export interface PolicyKeys {
  criteria: PolicyKey[];
  redFlags: PolicyKey[];
  /** False while the policy loads or when none is published: keys are then typed in as ids. */
  known: boolean;
}

export const PolicyKeysContext = createContext<PolicyKeys>({ criteria: [], redFlags: [], known: false });
export const usePolicyKeys = () => useContext(PolicyKeysContext);

/** The choices for a select: the policy's keys, plus the current value if the policy lacks it (so it shows). */
export const keyOptions = (keys: PolicyKey[], current: string | undefined) => {
  const options = keys.map((k) => ({ value: k.key, label: k.name }));
  if (current && !keys.some((k) => k.key === current))
    options.unshift({ value: current, label: `${current} (not in the published policy)` });
  return options;
};
