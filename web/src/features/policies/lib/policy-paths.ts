import type { Path } from 'react-hook-form';
import type { PolicyDocumentInput } from '#shared/schemas/policy.js';
import {
  BANDED_FACTORS,
  type BandedFactorKey,
  GOODS_POINTS,
  TIP_TIER_LABELS,
  type TipTier,
} from '../labels.js';

export type PathSegment = string | number;

/** A field of the policy edit form, e.g. "ratingBands.high". */
export type PolicyPath = Path<PolicyDocumentInput>;

interface Named {
  key: string;
  name: string;
}

const ITEM_FIELDS: Record<string, string> = {
  weight: 'weight',
  name: 'name',
  group: 'group',
  citation: 'citation',
  description: 'description',
  key: 'key',
  minRating: 'minimum rating',
};

const TOP_LEVEL: Record<string, string> = {
  schemaVersion: 'Policy format version',
  name: 'Name',
  description: 'Description',
  criteria: 'Criteria',
  redFlags: 'Red flags',
  reassessmentMonths: 'Reassessment interval (months)',
  answerValidityMonths: 'Accepted answers count for (months)',
  questionnaireSchedule: 'Reminders and re-sending',
};

const PAIRS: Record<string, string> = {
  'residual.maxReduction': 'Maximum reduction by controls',
  'residual.formula': 'Residual formula',
  'evidenceWeighting.selfDeclared': 'Self-declared answers count for',
  'evidenceWeighting.evidenceBacked': 'Evidence-backed answers count for',
  'confidence.referenceDataWeight': 'Confidence: weight of reference-data coverage',
  'confidence.answersWeight': 'Confidence: weight of answer coverage',
  'questionnaireSchedule.reminderDaysBefore': 'Reminders before the due date (days)',
  'questionnaireSchedule.overdueEveryDays': 'When overdue, remind every (days)',
  'questionnaireSchedule.overdueMaxReminders': 'Overdue reminders, at most',
  'questionnaireSchedule.recurrenceLeadDays': 'Send recurring questionnaires again (days before due)',
};

const isBanded = (key: PathSegment | undefined): key is BandedFactorKey =>
  typeof key === 'string' && key in BANDED_FACTORS;

/** The name of a criterion or red flag, found by position (form errors) or by key (diffs). */
const itemName = (list: 'criteria' | 'redFlags', id: PathSegment, docs: readonly PolicyDocumentInput[]) => {
  for (const doc of docs) {
    const items: readonly Named[] = doc[list] ?? [];
    const item = typeof id === 'number' ? items[id] : items.find((candidate) => candidate.key === id);
    if (item) return item.name;
  }
  return typeof id === 'number' ? `#${id + 1}` : id;
};

function describeInherent(rest: PathSegment[]): string | null {
  const [factor, field, index, sub] = rest;
  if (factor === 'tip') {
    if (field === 'citation') return 'TIP tier: citation';
    if (field === 'unknownPoints') return 'TIP: points when the country has no tier';
    if (field === 'points' && typeof index === 'string' && index in TIP_TIER_LABELS) {
      return `TIP ${TIP_TIER_LABELS[index as TipTier]}: points`;
    }
    return null;
  }
  if (factor === 'goods') {
    if (field === 'citation') return 'Goods (ILAB list): citation';
    // "Goods listed for forced labour: points"; a supplier without goods is not a kind of good.
    if (field === 'noGoodsPoints') return 'No goods recorded for the supplier: points';
    const goods = GOODS_POINTS.find((g) => g.key === field);
    return goods ? `Goods ${goods.label.toLowerCase()}: points` : null;
  }
  if (isBanded(factor)) {
    const { label, short, unit, unknown } = BANDED_FACTORS[factor];
    if (field === 'citation') return `${label}: citation`;
    if (field === 'unknownPoints') return `${label}: ${unknown}`;
    if (field === 'bands') {
      if (typeof index !== 'number') return `${short} bands`;
      if (sub === 'from') return `${short} band ${index + 1} starts at (${unit})`;
      if (sub === 'points') return `${short} band ${index + 1}: points`;
      return `${short} band ${index + 1}`;
    }
  }
  return null;
}

/**
 * Words for a place in a policy document, e.g. ["ratingBands", "high"] → "Rating band 'high' starts at".
 * Criteria and red flags may be named by position (as validation issues do) or by key (as the diff does);
 * `docs` are searched in order for their names.
 */
export function describePath(path: readonly PathSegment[], docs: readonly PolicyDocumentInput[]): string {
  const [head, second, third] = path;
  if (head === 'inherent') {
    const label = describeInherent(path.slice(1));
    if (label) return label;
  }
  if ((head === 'criteria' || head === 'redFlags') && second !== undefined) {
    const noun = head === 'criteria' ? 'Criterion' : 'Red flag';
    const name = itemName(head, second, docs);
    if (third === undefined) return `${noun} '${name}'`;
    return `${noun} '${name}' ${ITEM_FIELDS[String(third)] ?? String(third)}`;
  }
  if (head === 'ratingBands' && typeof second === 'string') return `Rating band '${second}' starts at`;
  const pair = PAIRS[`${String(head)}.${String(second)}`];
  if (pair) return pair;
  if (path.length === 1 && typeof head === 'string' && TOP_LEVEL[head]) return TOP_LEVEL[head];
  return path.join(' › ');
}

/** "document.ratingBands.high" or "ratingBands/high" → ["ratingBands", "high"], indices as numbers. */
export function parseIssuePath(path: string): PathSegment[] {
  const segments = path.replace(/^\/+/, '').split(/[./]/).filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  if (segments[0] === 'document') segments.shift();
  return segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
