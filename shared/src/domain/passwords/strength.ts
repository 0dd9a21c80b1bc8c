import type { FeedbackType } from '@zxcvbn-ts/core';

// One password rule for the whole product: the server refuses what it refuses, and the dashboard shows the
// same verdict while the person types. The estimator (zxcvbn-ts with its common-password dictionary, ~400 KB)
// is loaded on first use, so the dashboard downloads it only on a page that sets a password.

/** Shortest accepted password (NIST SP 800-63B: length over composition rules). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash scenarios". */
export const PASSWORD_MIN_SCORE = 3;

/** Whose password it is: what a guesser would try first. */
export interface PasswordOwner {
  email?: string | undefined;
  name?: string | undefined;
}

export interface PasswordVerdict {
  ok: boolean;
  /** zxcvbn's 0–4 guessability score. */
  score: number;
  /** Why it is refused, as one sentence to show; null when accepted. */
  problem: string | null;
  /** What to do instead (zxcvbn's suggestions). */
  suggestions: string[];
}

export interface PasswordEstimate {
  score: number;
  feedback: FeedbackType;
}

/** The e-mail, its local part and the name with each of its words; short fragments (under 4) are ignored. */
export const personalWords = ({ email, name }: PasswordOwner): string[] => {
  const words = new Set<string>();
  const add = (w: string | undefined) => {
    const v = w?.trim().toLowerCase();
    if (v && v.length >= 4) words.add(v);
  };
  add(email);
  add(email?.split('@')[0]);
  add(name);
  for (const part of name?.split(/[\s.\-_'’]+/) ?? []) add(part);
  return [...words];
};

/** The rule, given zxcvbn's estimate of `password` (pure; see loadPasswordChecker for the estimate). */
export const judgePassword = (
  password: string,
  owner: PasswordOwner,
  estimate: PasswordEstimate,
): PasswordVerdict => {
  const refuse = (problem: string, suggestions: string[] = []): PasswordVerdict => ({
    ok: false,
    score: estimate.score,
    problem,
    suggestions,
  });
  if (password.length < PASSWORD_MIN_LENGTH) return refuse(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (password.length > PASSWORD_MAX_LENGTH) return refuse(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  const lower = password.toLowerCase();
  if (personalWords(owner).some((w) => lower.includes(w))) {
    return refuse('It contains your e-mail address or name, which is the first thing a guesser tries.', [
      'Leave your e-mail address and name out of it.',
    ]);
  }
  if (estimate.score < PASSWORD_MIN_SCORE) {
    return refuse(
      `It is too easy to guess.${estimate.feedback.warning ? ` ${estimate.feedback.warning}` : ''}`,
      estimate.feedback.suggestions.length > 0
        ? estimate.feedback.suggestions
        : ['Add more words that are less common.'],
    );
  }
  return { ok: true, score: estimate.score, problem: null, suggestions: [] };
};

/** The verdict as one message (API errors, script output). */
export const describeVerdict = (v: PasswordVerdict): string =>
  [v.problem, ...v.suggestions].filter(Boolean).join(' ');

export interface PasswordChecker {
  check(password: string, owner?: PasswordOwner): PasswordVerdict;
}

let loading: Promise<PasswordChecker> | undefined;

/** The estimator with its dictionary, loaded once (a separate chunk in the dashboard). */
export const loadPasswordChecker = (): Promise<PasswordChecker> => {
  loading ??= import('./zxcvbn.js').then(({ createEstimator }) => {
    const estimate = createEstimator();
    return {
      check: (password, owner = {}) =>
        judgePassword(
          password,
          owner,
          estimate(password.slice(0, PASSWORD_MAX_LENGTH), personalWords(owner)),
        ),
    };
  });
  return loading;
};
