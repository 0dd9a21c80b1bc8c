import { z } from 'zod';
import type { PolicyDocument } from '../../schemas/policy.js';
import { type CompiledPolicy, compilePolicy } from './compile.js';
import { criterionGap, unansweredCriterion } from './control.js';
import {
  type AssessmentResult,
  AssessmentResultSchema,
  type CriterionResult,
  type DataGap,
} from './types.js';

/**
 * How an assessment keeps its result. The engine's breakdown lists every policy criterion; until a supplier
 * answers, most lines (name, citation, weight, zeros, and a "no accepted answer" gap each) are the policy
 * version's own text, repeated in every assessment. Stored results leave those lines out and say so with
 * `storedForm`; `expandStoredResult` puts them back from the (immutable) policy version, byte for byte, so
 * `result_sha256` (the hash of the engine's full result text) checks the expansion too. About 8 KB of an
 * ~11 KB breakdown, on every assessment of every rescore.
 *
 * WARNING: expansion rebuilds those lines with this engine's code (criterionResult, the gap messages). It
 * only expands results of the engine version it was written for; a new ENGINE_VERSION that changes those
 * lines must keep expanding older rows as they were written (add a form), or they come back unexpanded.
 */
export const STORED_FORM = 'policy-compact-1';

/** A result as the database keeps it (`assessments.result`): parsed with this on read, never cast. */
export const StoredResultSchema = z.object({
  storedForm: z.literal(STORED_FORM).optional(),
  ...AssessmentResultSchema.shape,
});
export type StoredResult = z.infer<typeof StoredResultSchema>;

/**
 * The engine versions whose unanswered lines this form rebuilds: their criterion lines and criterion gaps are
 * the same text (1.1.0 changed inherent risk and the rating floor, not control). A test requires
 * ENGINE_VERSION to be listed; a version whose lines differ needs its own form, and 1.0.0 rows must keep
 * expanding exactly as they were written.
 */
export const EXPANDS_ENGINE_VERSIONS: readonly string[] = ['1.0.0', '1.1.0'];

const expands = (engineVersion: string) => EXPANDS_ENGINE_VERSIONS.includes(engineVersion);

const unansweredLines = new WeakMap<CompiledPolicy, CriterionResult[]>();

/** Each criterion's line when nobody answered it: the same for every supplier under one policy. */
const unansweredOf = (c: CompiledPolicy): CriterionResult[] => {
  let lines = unansweredLines.get(c);
  if (!lines) {
    lines = c.criteria.map((_, i) => unansweredCriterion(c, i));
    unansweredLines.set(c, lines);
  }
  return lines;
};

const sameLine = (a: CriterionResult, b: CriterionResult) =>
  a.key === b.key &&
  a.name === b.name &&
  a.group === b.group &&
  a.weight === b.weight &&
  a.citation === b.citation &&
  a.earned === b.earned &&
  a.max === b.max &&
  a.effectiveness === b.effectiveness &&
  a.contribution === b.contribution &&
  a.gap === b.gap &&
  a.answers.length === 0 &&
  b.answers.length === 0;

/** `result` as stored: unanswered criteria and their gaps left out. Anything unexpected is kept whole. */
export const toStoredResult = (policy: PolicyDocument, result: AssessmentResult): StoredResult => {
  if (!expands(result.engineVersion)) return result;
  const c = compilePolicy(policy);
  const unanswered = unansweredOf(c);
  const { criteria } = result.control;
  if (criteria.length !== c.criteria.length) return result;
  const answered: CriterionResult[] = [];
  const expectedGaps: DataGap[] = [];
  for (let i = 0; i < criteria.length; i++) {
    const line = criteria[i]!;
    if (line.key !== c.criteria[i]!.key) return result;
    if (line.answers.length > 0) answered.push(line);
    else if (!sameLine(line, unanswered[i]!)) return result;
    if (line.gap) expectedGaps.push(criterionGap(c, i));
  }
  // The engine records the criterion gaps last, in criterion order: that tail is what expansion rebuilds.
  const kept = result.dataGaps.length - expectedGaps.length;
  if (kept < 0) return result;
  for (let j = 0; j < expectedGaps.length; j++) {
    const g = result.dataGaps[kept + j]!;
    const e = expectedGaps[j]!;
    if (g.kind !== e.kind || g.key !== e.key || g.message !== e.message) return result;
  }
  return {
    storedForm: STORED_FORM,
    ...result,
    control: { ...result.control, criteria: answered },
    dataGaps: result.dataGaps.slice(0, kept),
  };
};

/**
 * The engine's full result from a stored one (a result stored whole comes back as it is). Unanswered lines
 * are shared between the results of one policy: read the result, never change it in place.
 */
export const expandStoredResult = (policy: PolicyDocument, stored: StoredResult): AssessmentResult => {
  if (stored.storedForm !== STORED_FORM || !expands(stored.engineVersion)) return stored;
  const c = compilePolicy(policy);
  const unanswered = unansweredOf(c);
  const { storedForm: _form, ...result } = stored;
  const answered = new Map(result.control.criteria.map((line) => [line.key, line]));
  const criteria = c.criteria.map((p, i) => answered.get(p.key) ?? unanswered[i]!);
  const gaps: DataGap[] = [];
  for (let i = 0; i < criteria.length; i++) if (criteria[i]!.gap) gaps.push(criterionGap(c, i));
  return {
    ...result,
    control: { ...result.control, criteria },
    dataGaps: [...result.dataGaps, ...gaps],
  };
};

/**
 * The JSON text of each criterion's unanswered line and of its gap (the same in every result of one
 * policy), and both arrays' text when nothing is answered (every result until questionnaires are answered).
 */
interface UnansweredTexts {
  lines: string[];
  gaps: string[];
  allLines: string;
  allGaps: string[];
}
const unansweredTexts = new WeakMap<CompiledPolicy, UnansweredTexts>();

const unansweredTextsOf = (c: CompiledPolicy): UnansweredTexts => {
  let texts = unansweredTexts.get(c);
  if (!texts) {
    const lines = unansweredOf(c).map((line) => JSON.stringify(line));
    const gaps = c.criteria.map((_, i) => JSON.stringify(criterionGap(c, i)));
    texts = {
      lines,
      gaps,
      allLines: `[${lines.join(',')}]`,
      allGaps: gaps.filter((_, i) => unansweredOf(c)[i]!.gap),
    };
    unansweredTexts.set(c, texts);
  }
  return texts;
};

// Placeholders for the two arrays spliced in as text. A value holding NUL cannot come from the policy or the
// reference data (their text passes the safe-string schema), and a second occurrence falls back anyway.
const CRITERIA = '\u0000criteria\u0000';
const GAPS = '\u0000dataGaps\u0000';
const CRITERIA_JSON = JSON.stringify(CRITERIA);
const GAPS_JSON = JSON.stringify(GAPS);

const onlyOnce = (text: string, placeholder: string, from = 0) => {
  const at = text.indexOf(placeholder, from);
  return at < 0 || text.indexOf(placeholder, at + 1) >= 0 ? -1 : at;
};

/**
 * The texts of a stored result, from one serialisation: `fullPieces` concatenate to
 * `JSON.stringify(expandStoredResult(policy, stored))` (the text result_sha256 is taken of) and `stored` is
 * `JSON.stringify(stored)` (what the row keeps). The unanswered lines are not built and serialised again for
 * every result: their text is kept once per policy, as JSON.stringify writes an array as its items' texts
 * joined by commas. A rescore serialises ~12 KB less per supplier, and hashing the pieces one after another
 * builds no 12 KB string. Pass the stored form as toStoredResult made it (a row read back from jsonb has its
 * keys in another order: expand that one).
 */
export const storedResultTexts = (
  policy: PolicyDocument,
  stored: StoredResult,
): { fullPieces: string[]; stored: string } => {
  if (stored.storedForm !== STORED_FORM || !expands(stored.engineVersion)) {
    const text = JSON.stringify(stored);
    return { fullPieces: [text], stored: text };
  }
  const c = compilePolicy(policy);
  const texts = unansweredTextsOf(c);
  const { storedForm, ...result } = stored;
  let criteria = texts.allLines;
  const kept = result.dataGaps.map((g) => JSON.stringify(g));
  const gaps = [...kept];
  if (result.control.criteria.length === 0) gaps.push(...texts.allGaps);
  else {
    const unanswered = unansweredOf(c);
    const answered = new Map(result.control.criteria.map((line) => [line.key, line]));
    const lines: string[] = [];
    for (let i = 0; i < c.criteria.length; i++) {
      const line = answered.get(c.criteria[i]!.key);
      lines.push(line ? JSON.stringify(line) : texts.lines[i]!);
      if ((line ?? unanswered[i]!).gap) gaps.push(texts.gaps[i]!);
    }
    criteria = `[${lines.join(',')}]`;
  }
  const text = JSON.stringify({
    ...result,
    control: { ...result.control, criteria: CRITERIA },
    dataGaps: GAPS,
  });
  const c1 = onlyOnce(text, CRITERIA_JSON);
  const g1 = c1 < 0 ? -1 : onlyOnce(text, GAPS_JSON);
  if (g1 < c1) {
    return {
      fullPieces: [JSON.stringify(expandStoredResult(policy, stored))],
      stored: JSON.stringify(stored),
    };
  }
  const head = text.slice(0, c1);
  const middle = text.slice(c1 + CRITERIA_JSON.length, g1);
  const tail = text.slice(g1 + GAPS_JSON.length);
  return {
    fullPieces: [head, criteria, middle, `[${gaps.join(',')}]`, tail],
    // The stored form's own key first, then the result's keys in the same order.
    stored: `{${JSON.stringify('storedForm')}:${JSON.stringify(storedForm)},${head.slice(1)}${JSON.stringify(result.control.criteria)}${middle}[${kept.join(',')}]${tail}`,
  };
};

/** The full result's JSON text from its stored form (see storedResultTexts). */
export const fullResultText = (policy: PolicyDocument, stored: StoredResult): string =>
  storedResultTexts(policy, stored).fullPieces.join('');
