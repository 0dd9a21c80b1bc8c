import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
// Only the English messages: the English word lists (~1 MB) would not be worth their weight in the dashboard.
import { translations } from '@zxcvbn-ts/language-en';

/** zxcvbn-ts with the common-password dictionary and keyboard graphs; imported lazily by strength.ts. */
export const createEstimator = () => {
  const zxcvbn = new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    translations,
    // Also catches near misses of common passwords ("passw0rd1234").
    useLevenshteinDistance: true,
  });
  return (password: string, userInputs: string[]) => zxcvbn.check(password, userInputs);
};
