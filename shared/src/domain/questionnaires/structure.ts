import type { ConditionLeaf } from '../../schemas/questionnaire-conditions.js';
import type { Question, TemplateDefinition } from '../../schemas/questionnaires.js';
import { conditionLeaves } from './conditions.js';
import { optionIdsOf, type PlacedQuestion, placedQuestions } from './questions.js';
import { checkTranslations } from './translations.js';

export type TemplatePath = (string | number)[];
/** One thing wrong with a template, at a path into its definition (as zod reports issues). */
export interface TemplateIssue {
  path: TemplatePath;
  message: string;
}

/** More than this across all sections is no longer a questionnaire a supplier finishes. */
export const MAX_TEMPLATE_QUESTIONS = 300;

const CHOICE_OPS: readonly ConditionLeaf['op'][] = ['equals', 'in'];

/** Why `leaf` cannot test question `target`, or undefined when it can. */
const leafMismatch = (leaf: ConditionLeaf, target: Question): string | undefined => {
  const t = target.type;
  const options = optionIdsOf(target);
  const unknown = (values: readonly string[]) => {
    const bad = values.filter((v) => !options?.includes(v));
    return bad.length ? `"${target.id}" has no option ${bad.map((b) => `"${b}"`).join(', ')}` : undefined;
  };
  if (t === 'yes_no' || t === 'single_choice') {
    if (!CHOICE_OPS.includes(leaf.op))
      return `"${leaf.op}" does not apply to a ${t} question; use equals or in`;
    if (leaf.op === 'in') return unknown(leaf.values);
    if (leaf.op === 'equals' && typeof leaf.value !== 'string')
      return `Compare "${target.id}" with an option id`;
    return leaf.op === 'equals' && typeof leaf.value === 'string' ? unknown([leaf.value]) : undefined;
  }
  if (t === 'multi_choice') {
    return leaf.op === 'any_of' ? unknown(leaf.values) : `A multi_choice question is tested with any_of`;
  }
  if (t === 'number') {
    if (leaf.op === 'in' || leaf.op === 'any_of')
      return `A number question is tested with equals, gt, gte, lt or lte`;
    return typeof leaf.value === 'number' ? undefined : `Compare "${target.id}" with a number`;
  }
  return `A ${t} question cannot be tested in a condition`;
};

const checkConditions = (
  placed: PlacedQuestion[],
  byId: Map<string, PlacedQuestion>,
  out: TemplateIssue[],
) => {
  for (const p of placed) {
    if (!p.question.showIf) continue;
    const base = ['sections', p.sectionIndex, 'questions', p.questionIndex, 'showIf'];
    for (const { leaf, path } of conditionLeaves(p.question.showIf)) {
      const at = [...base, ...path];
      const target = byId.get(leaf.questionId);
      if (leaf.questionId === p.question.id) {
        out.push({ path: [...at, 'questionId'], message: 'A question cannot depend on its own answer' });
      } else if (!target) {
        out.push({
          path: [...at, 'questionId'],
          message: `No question "${leaf.questionId}" in this template`,
        });
      } else if (target.order > p.order) {
        out.push({
          path: [...at, 'questionId'],
          message: `"${leaf.questionId}" comes later; a condition can only use earlier answers`,
        });
      } else {
        const why = leafMismatch(leaf, target.question);
        if (why) out.push({ path: at, message: why });
      }
    }
  }
};

const checkScoring = (p: PlacedQuestion, out: TemplateIssue[]) => {
  const q = p.question;
  if (!('scoring' in q) || !q.scoring) return;
  const at = ['sections', p.sectionIndex, 'questions', p.questionIndex, 'scoring'];
  const max = q.scoring.maxPoints;
  if ('points' in q.scoring) {
    const options = optionIdsOf(q) ?? [];
    for (const [id, points] of Object.entries(q.scoring.points)) {
      if (!options.includes(id)) out.push({ path: [...at, 'points', id], message: `No option "${id}"` });
      else if (points > max) out.push({ path: [...at, 'points', id], message: `Above maxPoints (${max})` });
    }
    const flags = Object.entries(q.scoring.redFlags ?? {});
    for (const [id] of flags) {
      if (!options.includes(id)) out.push({ path: [...at, 'redFlags', id], message: `No option "${id}"` });
    }
    // The engine takes one red flag per answer: a multi-choice answer must not need two.
    if (q.type === 'multi_choice' && new Set(flags.map(([, key]) => key)).size > 1) {
      out.push({
        path: [...at, 'redFlags'],
        message: 'A multi_choice question can raise one red flag; split it',
      });
    }
  } else {
    q.scoring.bands.forEach((band, i) => {
      const prev = q.scoring && 'bands' in q.scoring ? q.scoring.bands[i - 1] : undefined;
      if (prev && band.from <= prev.from) {
        out.push({ path: [...at, 'bands', i, 'from'], message: `Band starts must increase (${prev.from})` });
      }
      if (band.points > max)
        out.push({ path: [...at, 'bands', i, 'points'], message: `Above maxPoints (${max})` });
      if (q.type === 'number' && q.max !== undefined && band.from > q.max) {
        out.push({
          path: [...at, 'bands', i, 'from'],
          message: `No answer can reach it: above the maximum (${q.max})`,
        });
      }
    });
  }
};

const duplicates = (ids: string[], at: (i: number) => TemplatePath, what: string, out: TemplateIssue[]) => {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push({ path: at(i), message: `Duplicate ${what} id "${id}"` });
    seen.add(id);
  });
};

/**
 * Everything wrong with a template that the template alone shows (TemplateDefinitionSchema refuses these):
 * duplicate ids, conditions that point at themselves, later or unknown questions or do not fit them, scoring
 * that names missing options or exceeds its maximum, and texts missing a locale.
 */
export const templateStructureIssues = (def: TemplateDefinition): TemplateIssue[] => {
  const out: TemplateIssue[] = [];
  const placed = placedQuestions(def);
  if (placed.length > MAX_TEMPLATE_QUESTIONS) {
    out.push({ path: ['sections'], message: `At most ${MAX_TEMPLATE_QUESTIONS} questions in all` });
  }
  duplicates(
    def.sections.map((s) => s.id),
    (i) => ['sections', i, 'id'],
    'section',
    out,
  );
  duplicates(
    placed.map((p) => p.question.id),
    (i) => ['sections', placed[i]!.sectionIndex, 'questions', placed[i]!.questionIndex, 'id'],
    'question',
    out,
  );
  const byId = new Map<string, PlacedQuestion>();
  for (const p of placed) {
    if (!byId.has(p.question.id)) byId.set(p.question.id, p);
    const q = p.question;
    const at = ['sections', p.sectionIndex, 'questions', p.questionIndex];
    if (q.type === 'single_choice') {
      q.options.forEach((o, i) => {
        if (o.exclusive)
          out.push({
            path: [...at, 'options', i, 'exclusive'],
            message: 'Only multi-choice options can be exclusive',
          });
      });
    }
    if (q.type === 'single_choice' || q.type === 'multi_choice') {
      duplicates(
        q.options.map((o) => o.id),
        (i) => [...at, 'options', i, 'id'],
        'option',
        out,
      );
    }
    if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
      out.push({ path: [...at, 'max'], message: `Must be at least the minimum (${q.min})` });
    }
    checkScoring(p, out);
  }
  checkConditions(placed, byId, out);
  checkTranslations(def, out);
  return out;
};
