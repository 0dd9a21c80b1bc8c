import type { PolicyDocument } from '../../schemas/policy.js';
import type { TemplateDefinition } from '../../schemas/questionnaires.js';
import { placedQuestions } from './questions.js';
import { type TemplateIssue, templateStructureIssues } from './structure.js';

/** The policy criteria a template's answers evidence (its scored questions' criteria), sorted. */
export const templateCriteria = (def: TemplateDefinition): string[] => {
  const keys = new Set<string>();
  for (const { question } of placedQuestions(def)) {
    if ('scoring' in question && question.scoring) keys.add(question.scoring.criterion);
  }
  return [...keys].sort();
};

/** Criterion and red-flag keys the policy does not define: their answers would score nothing. */
const policyIssues = (def: TemplateDefinition, policy: PolicyDocument): TemplateIssue[] => {
  const criteria = new Set(policy.criteria.map((c) => c.key));
  const flags = new Set(policy.redFlags.map((f) => f.key));
  const out: TemplateIssue[] = [];
  for (const { question: q, sectionIndex, questionIndex } of placedQuestions(def)) {
    if (!('scoring' in q) || !q.scoring) continue;
    const at = ['sections', sectionIndex, 'questions', questionIndex, 'scoring'];
    const s = q.scoring;
    if (!criteria.has(s.criterion)) {
      out.push({ path: [...at, 'criterion'], message: `The policy has no criterion "${s.criterion}"` });
    }
    const raised: [TemplateIssue['path'], string][] =
      'bands' in s
        ? s.bands.flatMap((b, i) => (b.redFlag ? [[[...at, 'bands', i, 'redFlag'], b.redFlag]] : []))
        : Object.entries(s.redFlags ?? {}).map(([option, key]) => [[...at, 'redFlags', option], key]);
    for (const [path, key] of raised) {
      if (!flags.has(key)) out.push({ path, message: `The policy has no red flag "${key}"` });
    }
  }
  return out;
};

/**
 * Everything wrong with `def` as a template scored under `policy`: its structure (as TemplateDefinitionSchema
 * checks it) and criteria or red flags the policy does not define. Empty when it can be published. The server
 * calls this with the organisation's published policy when a template is saved and when it is published.
 */
export const validateTemplate = (def: TemplateDefinition, policy: PolicyDocument): TemplateIssue[] => [
  ...templateStructureIssues(def),
  ...policyIssues(def, policy),
];
