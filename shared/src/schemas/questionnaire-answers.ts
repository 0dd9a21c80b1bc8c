import { z } from 'zod';
import { IdSchema, requiredText } from './common.js';
import type { Question } from './questionnaires.js';

// WARNING: answers are stored as JSON (one value per question) and re-read through the template version they
// were given for: a change that makes a stored value invalid needs a data migration.

/**
 * One answer's value, by question type: `yes_no` → `"yes"`/`"no"`; `single_choice` → an option id;
 * `multi_choice` → option ids; `number` → a number; `text` → the text; `date` → `YYYY-MM-DD`; `file` → the ids
 * of the evidence files uploaded for it. The shape any answer can have; answerValueSchemaFor checks one
 * against its question.
 */
export const AnswerValueSchema = z.union([
  z.string().max(10_000),
  z.number(),
  z.array(z.string().max(64)).max(30),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** Answers by question id (hidden questions' answers may be present; every function here ignores them). */
export type AnswerMap = Readonly<Record<string, AnswerValue | undefined>>;

const optionIdSchema = (ids: readonly string[]) =>
  z.string().refine((v) => ids.includes(v), { message: 'Not one of the options' });

const uniqueItems = (values: string[]) => new Set(values).size === values.length;

const exclusive = (q: Extract<Question, { type: 'multi_choice' }>) =>
  new Set(q.options.filter((o) => o.exclusive).map((o) => o.id));

const numberSchema = (q: Extract<Question, { type: 'number' }>) => {
  let s = z.number({ message: 'Must be a number' });
  if (q.integer) s = s.int('Must be a whole number');
  if (q.min !== undefined) s = s.min(q.min, `Must be at least ${q.min}`);
  if (q.max !== undefined) s = s.max(q.max, `Must be at most ${q.max}`);
  return s;
};

const build = (q: Question): z.ZodType<AnswerValue> => {
  switch (q.type) {
    case 'yes_no':
      return z.enum(['yes', 'no'], { message: 'Answer yes or no' });
    case 'single_choice':
      return optionIdSchema(q.options.map((o) => o.id));
    case 'multi_choice':
      return z
        .array(optionIdSchema(q.options.map((o) => o.id)))
        .min(1, 'Choose at least one option')
        .max(q.options.length)
        .refine(uniqueItems, 'Each option at most once')
        .refine((ids) => ids.length === 1 || !ids.some((id) => exclusive(q).has(id)), {
          message: `${[...exclusive(q)].map((id) => `"${id}"`).join(', ')} cannot be combined with other options`,
        });
    case 'number':
      return numberSchema(q);
    case 'text':
      return requiredText(q.maxLength, 'An answer', { multiline: q.multiline ?? false });
    case 'date':
      return z.iso.date({ message: 'Use a date as YYYY-MM-DD' });
    case 'file':
      return z
        .array(IdSchema)
        .min(1, 'Upload at least one file')
        .max(q.maxFiles ?? 10, `At most ${q.maxFiles ?? 10} files`)
        .refine(uniqueItems, 'Each file at most once');
  }
};

// Questions of a published version never change, so one schema per question object is built once.
const cache = new WeakMap<Question, z.ZodType<AnswerValue>>();

/**
 * The schema one answer to `q` must satisfy (the portal's save and the server's check use this one). Text is
 * trimmed by it: store what it returns. Clearing an answer is not a value: the server deletes it instead.
 */
export const answerValueSchemaFor = (q: Question): z.ZodType<AnswerValue> => {
  let s = cache.get(q);
  if (!s) {
    s = build(q);
    cache.set(q, s);
  }
  return s;
};

/** Whether `value` answers `q`: present and valid for its type, options and bounds. */
export const isAnswered = (q: Question, value: AnswerValue | undefined): value is AnswerValue =>
  value !== undefined && answerValueSchemaFor(q).safeParse(value).success;
