import { useId } from 'react';
import { Controller } from 'react-hook-form';
import { optionIdsOf, optionLabel, textIn } from '#shared/domain/questionnaires/questions.js';
import type { Condition, ConditionLeaf, ConditionOp } from '#shared/schemas/questionnaire-conditions.js';
import type { Question } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../../components/ui/button.js';
import { fieldPath, useBuilderForm, useFieldError } from './form-types.js';

const OP_LABELS: Record<ConditionOp, string> = {
  equals: 'is',
  in: 'is one of',
  any_of: 'includes any of',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
};

/** The tests that fit a question's type (the shared structure check refuses the others). */
export const opsFor = (q: Question): ConditionOp[] => {
  if (q.type === 'yes_no' || q.type === 'single_choice') return ['equals', 'in'];
  if (q.type === 'multi_choice') return ['any_of'];
  if (q.type === 'number') return ['equals', 'gt', 'gte', 'lt', 'lte'];
  return [];
};

/** A fresh test of `q` with operator `op`, on its first option (or 0). */
const leafFor = (q: Question, op: ConditionOp): ConditionLeaf => {
  const first = optionIdsOf(q)?.[0] ?? '';
  if (op === 'in' || op === 'any_of') return { questionId: q.id, op, values: [first] };
  if (op === 'equals') return { questionId: q.id, op, value: q.type === 'number' ? 0 : first };
  return { questionId: q.id, op, value: 0 };
};

type Mode = 'all' | 'any';
const isLeaf = (c: unknown): c is ConditionLeaf => typeof c === 'object' && c !== null && 'op' in c;

/** A condition as the form edits it: flat tests joined by all/any; null when it nests groups. */
const flatten = (c: Condition | undefined): { mode: Mode; leaves: ConditionLeaf[] } | null => {
  if (!c) return { mode: 'all', leaves: [] };
  if (isLeaf(c)) return { mode: 'all', leaves: [c] };
  const mode: Mode = 'all' in c ? 'all' : 'any';
  const terms = 'all' in c ? c.all : c.any;
  return terms.every(isLeaf) ? { mode, leaves: terms } : null;
};

const build = (mode: Mode, leaves: ConditionLeaf[]): Condition | undefined =>
  leaves.length === 0
    ? undefined
    : leaves.length === 1
      ? leaves[0]
      : mode === 'all'
        ? { all: leaves }
        : { any: leaves };

function LeafRow(props: {
  leaf: ConditionLeaf;
  index: number;
  earlier: Question[];
  locale: string;
  defaultLocale: Parameters<typeof textIn>[2];
  onChange: (leaf: ConditionLeaf) => void;
  onRemove: () => void;
  error: string | undefined;
}) {
  const { leaf, earlier, index } = props;
  const id = useId();
  const target = earlier.find((q) => q.id === leaf.questionId);
  const n = index + 1;
  const qText = (q: Question) =>
    `${q.id}: ${textIn(q.label, props.locale, props.defaultLocale)}`.slice(0, 90);
  return (
    <li className="builder-condition">
      <div className="builder-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-q`}>
            Test {n}: question
          </label>
          <select
            id={`${id}-q`}
            className="input select"
            value={leaf.questionId}
            onChange={(e) => {
              const q = earlier.find((x) => x.id === e.target.value);
              if (q) props.onChange(leafFor(q, opsFor(q)[0] as ConditionOp));
            }}
          >
            {target ? null : (
              <option value={leaf.questionId}>{leaf.questionId} (not an earlier question)</option>
            )}
            {earlier.map((q) => (
              <option key={q.id} value={q.id}>
                {qText(q)}
              </option>
            ))}
          </select>
        </div>
        {target ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-op`}>
              Test {n}: answer
            </label>
            <select
              id={`${id}-op`}
              className="input select"
              value={leaf.op}
              onChange={(e) => props.onChange(leafFor(target, e.target.value as ConditionOp))}
            >
              {opsFor(target).map((op) => (
                <option key={op} value={op}>
                  {OP_LABELS[op]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {target && leaf.op === 'equals' && target.type !== 'number' ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-v`}>
              Test {n}: option
            </label>
            <select
              id={`${id}-v`}
              className="input select"
              value={String(leaf.value)}
              onChange={(e) => props.onChange({ ...leaf, value: e.target.value })}
            >
              {(optionIdsOf(target) ?? []).map((o) => (
                <option key={o} value={o}>
                  {optionLabel(target, o, 'en')}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {target && 'value' in leaf && target.type === 'number' ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-v`}>
              Test {n}: number
            </label>
            <input
              id={`${id}-v`}
              className="input input-number"
              type="number"
              step="any"
              value={typeof leaf.value === 'number' && Number.isFinite(leaf.value) ? leaf.value : ''}
              onChange={(e) => props.onChange({ ...leaf, value: e.target.valueAsNumber } as ConditionLeaf)}
            />
          </div>
        ) : null}
        <Button size="sm" variant="ghost" onClick={props.onRemove}>
          Remove<span className="visually-hidden"> test {n}</span>
        </Button>
      </div>
      {target && 'values' in leaf ? (
        <fieldset className="builder-checks">
          <legend className="field-label">Test {n}: options</legend>
          {(optionIdsOf(target) ?? []).map((o) => (
            <label key={o} className="checkbox">
              <input
                type="checkbox"
                checked={leaf.values.includes(o)}
                onChange={(e) =>
                  props.onChange({
                    ...leaf,
                    values: e.target.checked ? [...leaf.values, o] : leaf.values.filter((v) => v !== o),
                  })
                }
              />
              {optionLabel(target, o, 'en')}
            </label>
          ))}
        </fieldset>
      ) : null}
      {props.error ? <p className="field-error">{props.error}</p> : null}
    </li>
  );
}

/**
 * When the question shows: tests on earlier questions' answers only (a condition cannot look forward), with
 * the operators and options that fit each one's type, joined by "all" or "any".
 */
export function ConditionFields({
  name,
  earlier,
  locale,
  defaultLocale,
}: {
  name: string;
  earlier: Question[];
  locale: string;
  defaultLocale: Parameters<typeof textIn>[2];
}) {
  const { control } = useBuilderForm();
  const testable = earlier.filter((q) => opsFor(q).length > 0);
  const path = `${name}.showIf`;
  const error = useFieldError(path);
  const leafErrorsBase = useFieldError(`${path}.questionId`);
  return (
    <fieldset className="builder-group">
      <legend>Shown when</legend>
      <Controller
        control={control}
        name={fieldPath(path)}
        render={({ field }) => {
          const condition = field.value as Condition | undefined;
          const flat = flatten(condition);
          if (!flat) {
            return (
              <div>
                <p className="muted">
                  This condition nests groups of tests, which the builder does not edit:
                </p>
                <pre className="code">{JSON.stringify(condition, null, 2)}</pre>
                <Button size="sm" onClick={() => field.onChange(undefined)}>
                  Remove the condition
                </Button>
              </div>
            );
          }
          const set = (leaves: ConditionLeaf[], mode = flat.mode) => field.onChange(build(mode, leaves));
          return (
            <div>
              {flat.leaves.length === 0 ? <p className="muted">Always shown.</p> : null}
              {flat.leaves.length > 1 ? (
                <label className="field builder-mode">
                  <span className="field-label">Show when</span>
                  <select
                    className="input select"
                    value={flat.mode}
                    onChange={(e) => set(flat.leaves, e.target.value as Mode)}
                  >
                    <option value="all">all of these hold</option>
                    <option value="any">any of these holds</option>
                  </select>
                </label>
              ) : null}
              <ol className="builder-options">
                {flat.leaves.map((leaf, i) => (
                  <LeafRow
                    // biome-ignore lint/suspicious/noArrayIndexKey: tests have no id; their position is theirs.
                    key={i}
                    leaf={leaf}
                    index={i}
                    earlier={testable}
                    locale={locale}
                    defaultLocale={defaultLocale}
                    error={flat.leaves.length === 1 ? leafErrorsBase : undefined}
                    onChange={(next) => set(flat.leaves.map((l, j) => (j === i ? next : l)))}
                    onRemove={() => set(flat.leaves.filter((_, j) => j !== i))}
                  />
                ))}
              </ol>
              {testable.length > 0 ? (
                <Button
                  size="sm"
                  disabled={flat.leaves.length >= 20}
                  onClick={() => {
                    const q = testable[testable.length - 1] as Question;
                    set([...flat.leaves, leafFor(q, opsFor(q)[0] as ConditionOp)]);
                  }}
                >
                  Add a test
                </Button>
              ) : (
                <p className="muted">No earlier yes/no, choice or number question to depend on.</p>
              )}
            </div>
          );
        }}
      />
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
