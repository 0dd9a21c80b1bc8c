import { SupplierProfileSchema } from '../../schemas/suppliers.js';

// Which changes to a supplier make its rating stale, and how an assessment says in words what set it off.

/**
 * The supplier fields the engine reads (its profile: what every assessment stores as its inputs), plus the
 * parent, from which the supplier's place in the chain follows. A change to any of them reassesses at once.
 * Read from the profile schema, so a field the engine starts reading is covered without a change here.
 */
export const SCORED_SUPPLIER_FIELDS: readonly string[] = [
  ...SupplierProfileSchema.keyof().options,
  'parentId',
];

const FIELD_WORDS: Record<string, string> = {
  country: 'country',
  goods: 'goods',
  tier: 'tier',
  parentId: 'parent supplier',
  headcount: 'headcount',
  migrantWorkerShare: 'migrant worker share',
  agencyWorkerShare: 'agency worker share',
};

/** "migrantWorkerShare" → "migrant worker share"; a field without its own words gets its name spelled out. */
export const scoredFieldWords = (field: string): string =>
  FIELD_WORDS[field] ?? field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** The scored fields among `changed` (field names), in the order SCORED_SUPPLIER_FIELDS lists them. */
export const scoredFieldsAmong = (changed: Iterable<string>): string[] => {
  const set = new Set(changed);
  return SCORED_SUPPLIER_FIELDS.filter((f) => set.has(f));
};

/** The trigger detail of a reassessment after a profile edit: "profile changed: migrant worker share, goods". */
export const profileChangedDetail = (fields: readonly string[]): string =>
  `profile changed: ${fields.map(scoredFieldWords).join(', ')}`;
