import { z } from 'zod';
import { safeString } from './common.js';

// WARNING: conditions are part of stored template definitions (see questionnaires.ts): add, never re-mean.

const RefSchema = safeString()
  .trim()
  .min(1, 'Choose a question')
  .max(64, 'Must be at most 64 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'Not a question id');
const OptionRefSchema = safeString().trim().min(1).max(64);
const OptionListSchema = z.array(OptionRefSchema).min(1, 'Choose at least one option').max(30);

/**
 * One test on an earlier question's answer. An answer that is missing, or belongs to a hidden question,
 * fails every test: a condition can only show a question because of answers the supplier can see.
 * - `equals`: a yes/no or single-choice answer is this option id; a number answer is this number.
 * - `in`: a yes/no or single-choice answer is one of these option ids.
 * - `any_of`: a multi-choice answer includes at least one of these option ids.
 * - `gt`/`gte`/`lt`/`lte`: a number answer compares so with `value`.
 */
export const ConditionLeafSchema = z
  .discriminatedUnion('op', [
    z.object({
      questionId: RefSchema,
      op: z.literal('equals'),
      value: z.union([OptionRefSchema, z.number().min(-1e9).max(1e9)]),
    }),
    z.object({ questionId: RefSchema, op: z.literal('in'), values: OptionListSchema }),
    z.object({ questionId: RefSchema, op: z.literal('any_of'), values: OptionListSchema }),
    z.object({
      questionId: RefSchema,
      op: z.enum(['gt', 'gte', 'lt', 'lte']),
      value: z.number().min(-1e9).max(1e9),
    }),
  ])
  .meta({ id: 'QuestionnaireConditionTest' });
export type ConditionLeaf = z.infer<typeof ConditionLeafSchema>;
export type ConditionOp = ConditionLeaf['op'];

const MAX_TERMS = 20;
const leaves = z.array(ConditionLeafSchema).min(1, 'At least one condition').max(MAX_TERMS);

/** A group nested inside another group: its terms are single tests. */
const InnerGroupSchema = z.union([z.strictObject({ all: leaves }), z.strictObject({ any: leaves })]);
const TermSchema = z.union([ConditionLeafSchema, InnerGroupSchema]);
const terms = z.array(TermSchema).min(1, 'At least one condition').max(MAX_TERMS);

/**
 * When a question shows: one test, or `all` (every term holds) / `any` (at least one holds) of tests and
 * groups of tests. Two levels of groups are enough for a questionnaire and keep the builder's form flat.
 */
export const ConditionSchema = z
  .union([ConditionLeafSchema, z.strictObject({ all: terms }), z.strictObject({ any: terms })])
  .meta({ id: 'QuestionnaireCondition' });
export type Condition = z.infer<typeof ConditionSchema>;
export type ConditionTerm = z.infer<typeof TermSchema>;
