import type { PolicyDocumentInput, QuestionnaireSchedule } from '#shared/schemas/policy.js';
import { RATINGS, type Rating } from '#shared/schemas/suppliers.js';
import { formatScore } from '../../../lib/format.js';
import { RATING_LABELS } from '../../suppliers/labels.js';
import { CRITERION_GROUP_LABELS } from '../labels.js';
import { describePath, type PathSegment } from './policy-paths.js';
import { describeAnswerValidity, describeReminderDays, describeSchedule } from './questionnaire-settings.js';

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface PolicyChange {
  /** Stable id of the place, e.g. "criteria[recruitment_fees].weight". */
  id: string;
  path: PathSegment[];
  kind: ChangeKind;
  label: string;
  before: string | null;
  after: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isKeyed = (items: Json[]): items is { key: string; [k: string]: Json }[] =>
  items.every((item) => isObject(item) && typeof item.key === 'string');

const isRating = (value: unknown): value is Rating => RATINGS.includes(value as Rating);

/** A value in words: ratings and groups by their labels, numbers with the engine's two decimals. */
function formatValue(value: Json | undefined, path: readonly PathSegment[]): string {
  const field = path[path.length - 1];
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return formatScore(value);
  if (typeof value === 'string') {
    if (field === 'minRating' && isRating(value)) return RATING_LABELS[value];
    if (field === 'group' && value in CRITERION_GROUP_LABELS) {
      return CRITERION_GROUP_LABELS[value as keyof typeof CRITERION_GROUP_LABELS];
    }
    return value;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (isObject(value)) {
    // A whole band, criterion or red flag that was added or removed.
    if (typeof value.from === 'number' && typeof value.points === 'number') {
      return `from ${formatScore(value.from)}: ${formatScore(value.points)} points`;
    }
    if (typeof value.weight === 'number') return `weight ${formatScore(value.weight)}`;
    if (isRating(value.minRating)) return `at least ${RATING_LABELS[value.minRating]}`;
  }
  return JSON.stringify(value);
}

/**
 * Settings a policy may leave out, whose absence means a default: shown as the default in words rather than
 * as "added" or "removed", since the behaviour changes, not the set of settings.
 */
const OPTIONAL_WITH_DEFAULT: Record<string, (value: Json | undefined) => string> = {
  answerValidityMonths: (value) => describeAnswerValidity(typeof value === 'number' ? value : undefined),
  questionnaireSchedule: (value) =>
    describeSchedule(isObject(value) ? (value as unknown as QuestionnaireSchedule) : undefined),
};

const idOf = (path: readonly PathSegment[]) =>
  path.reduce<string>((id, segment, i) => {
    if (typeof segment === 'number') return `${id}[${segment}]`;
    return i === 0 ? segment : `${id}.${segment}`;
  }, '');

/**
 * Every place where `after` differs from `before`, in document order. Criteria and red flags are matched by
 * key, so reordering them is not a change and an edit names the item; band tables are compared row by row.
 */
export function diffPolicies(before: PolicyDocumentInput, after: PolicyDocumentInput): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const docs = [after, before];

  const push = (kind: ChangeKind, path: PathSegment[], a: Json | undefined, b: Json | undefined) => {
    changes.push({
      id: kind === 'changed' ? idOf(path) : `${idOf(path)}:${kind}`,
      path,
      kind,
      label: describePath(path, docs),
      before: kind === 'added' ? null : formatValue(a, path),
      after: kind === 'removed' ? null : formatValue(b, path),
    });
  };

  const walk = (a: Json | undefined, b: Json | undefined, path: PathSegment[]) => {
    if (a === undefined && b === undefined) return;
    const optional = path.length === 1 ? OPTIONAL_WITH_DEFAULT[String(path[0])] : undefined;
    if (optional && (a === undefined || b === undefined)) {
      changes.push({
        id: idOf(path),
        path,
        kind: 'changed',
        label: describePath(path, docs),
        before: optional(a),
        after: optional(b),
      });
      return;
    }
    // A list of days is one setting ("7, 3, 1 days before"), not a row per position.
    if (path[0] === 'questionnaireSchedule' && path[1] === 'reminderDaysBefore' && path.length === 2) {
      if (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) !== JSON.stringify(b)) {
        changes.push({
          id: idOf(path),
          path,
          kind: 'changed',
          label: describePath(path, docs),
          before: describeReminderDays(a as number[]),
          after: describeReminderDays(b as number[]),
        });
      }
      return;
    }
    if (a === undefined) return push('added', path, a, b);
    if (b === undefined) return push('removed', path, a, b);
    if (isObject(a) && isObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !(key in a))];
      for (const key of keys) walk(a[key], b[key], [...path, key]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (isKeyed(a) && isKeyed(b)) {
        const afterByKey = new Map(b.map((item) => [item.key, item]));
        const beforeKeys = new Set(a.map((item) => item.key));
        for (const item of a) walk(item, afterByKey.get(item.key), [...path, item.key]);
        for (const item of b) if (!beforeKeys.has(item.key)) walk(undefined, item, [...path, item.key]);
        return;
      }
      const length = Math.max(a.length, b.length);
      for (let i = 0; i < length; i++) walk(a[i], b[i], [...path, i]);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) push('changed', path, a, b);
  };

  walk(before as unknown as Json, after as unknown as Json, []);
  return changes;
}
