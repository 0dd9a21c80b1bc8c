import type { Condition } from '../../../schemas/questionnaire-conditions.js';
import type {
  BandScoring,
  ChoiceScoring,
  LocalizedText,
  Question,
  QuestionOption,
} from '../../../schemas/questionnaires.js';

// Small builders so the default template reads as a questionnaire rather than as JSON. Every text is given in
// English and Spanish, the template's two locales.

export const t = (en: string, es: string): LocalizedText => ({ en, es });

export const opt = (id: string, en: string, es: string): QuestionOption => ({ id, label: t(en, es) });

/** A multi-choice option that rules out the others ("none of these"). */
export const onlyOpt = (id: string, en: string, es: string): QuestionOption => ({
  ...opt(id, en, es),
  exclusive: true,
});

interface Common {
  help?: LocalizedText;
  /** Default true: a shown question must be answered, follow-ups included. */
  required?: boolean;
  evidence?: boolean;
  showIf?: Condition;
}

const base = (id: string, label: LocalizedText, c: Common) => ({
  id,
  label,
  ...(c.help ? { help: c.help } : {}),
  required: c.required ?? true,
  evidenceRequested: c.evidence ?? false,
  ...(c.showIf ? { showIf: c.showIf } : {}),
});

type Scored = Common & { scoring?: ChoiceScoring };

export const yesNo = (id: string, label: LocalizedText, c: Scored = {}): Question => ({
  ...base(id, label, c),
  type: 'yes_no',
  ...(c.scoring ? { scoring: c.scoring } : {}),
});

export const single = (
  id: string,
  label: LocalizedText,
  options: QuestionOption[],
  c: Scored = {},
): Question => ({
  ...base(id, label, c),
  type: 'single_choice',
  options,
  ...(c.scoring ? { scoring: c.scoring } : {}),
});

export const multi = (
  id: string,
  label: LocalizedText,
  options: QuestionOption[],
  c: Scored = {},
): Question => ({
  ...base(id, label, c),
  type: 'multi_choice',
  options,
  ...(c.scoring ? { scoring: c.scoring } : {}),
});

export const num = (
  id: string,
  label: LocalizedText,
  c: Common & { min: number; max: number; unit: LocalizedText; scoring?: BandScoring },
): Question => ({
  ...base(id, label, c),
  type: 'number',
  min: c.min,
  max: c.max,
  integer: true,
  unit: c.unit,
  ...(c.scoring ? { scoring: c.scoring } : {}),
});

export const file = (id: string, label: LocalizedText, c: Common = {}): Question => ({
  ...base(id, label, { required: false, evidence: true, ...c }),
  type: 'file',
});

/** Points per option for `criterion`, out of `maxPoints`; `redFlags` maps options to policy red flags. */
export const points = (
  criterion: string,
  maxPoints: number,
  byOption: Record<string, number>,
  redFlags?: Record<string, string>,
): ChoiceScoring => ({ criterion, maxPoints, points: byOption, ...(redFlags ? { redFlags } : {}) });

/** The question `questionId` was answered with option `value`. */
export const is = (questionId: string, value: string): Condition => ({ questionId, op: 'equals', value });
/** The question `questionId` was answered with one of `values`. */
export const oneOf = (questionId: string, values: string[]): Condition => ({ questionId, op: 'in', values });
