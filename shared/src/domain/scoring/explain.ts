import { countryName } from '../../countries.js';
import type { Rating } from '../../schemas/suppliers.js';
import { fmt, r2 } from './round.js';
import type { AssessmentResult, InherentFactor } from './types.js';

// The assessment in plain words, for people who will not read a formula: one sentence saying why the rating
// is what it is, the datasets named by title and edition, and what confidence measures. Pure: the dashboard
// and reports call it on a stored result; it never changes a number, only says what the breakdown holds.

const RATING_WORDS: Record<Rating, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** What the sentence reads besides the result: the country and the reference slice the assessment stored. */
export interface ExplainContext {
  profile?: { country: string };
  reference?: {
    datasets?: readonly { id: string; kind: string; shortName?: string; edition: string }[];
    countries?: Readonly<Record<string, { name: string }>>;
    ilab?: readonly {
      iso2: string;
      goodKey: string;
      forcedLabor: boolean;
      childLabor: boolean;
      forcedChildLabor: boolean;
      basis: string;
      inputIso2: string | null;
    }[];
  };
}

/** A floor that raised the rating (the engine adds `ratingFloor`; older results have none). */
interface FloorLike {
  minRating: Rating;
  reason?: string;
}

// ---- Datasets by title and edition ----------------------------------------------------------------------

const TITLE_OF_KIND: Record<string, string> = {
  us_tip: 'US State Department Trafficking in Persons Report',
  gsi: 'Walk Free Global Slavery Index',
  ilab: 'US Department of Labor List of Goods Produced by Child Labor or Forced Labor',
  ilo_indicators: 'ILO Indicators of Forced Labour',
};

/** The kind of a dataset id when the assessment's slice does not say (ids start with their kind). */
const kindOfId = (id: string): string | undefined =>
  id.startsWith('us-tip')
    ? 'us_tip'
    : id.startsWith('gsi')
      ? 'gsi'
      : id.startsWith('ilab')
        ? 'ilab'
        : id.startsWith('ilo')
          ? 'ilo_indicators'
          : undefined;

/**
 * A dataset by title and edition, e.g. "US State Department Trafficking in Persons Report 2025". `title` (the
 * manifest's, when known) names a dataset of a kind this file does not know; the id is the last resort.
 */
export const datasetTitle = (d: { id: string; kind?: string; edition: string; title?: string }): string => {
  const kind = d.kind ?? kindOfId(d.id);
  const title = (kind && TITLE_OF_KIND[kind]) || d.title;
  return title ? `${title} ${d.edition}` : `${d.id} (edition ${d.edition})`;
};

/** The titles of the datasets a result used, in its order, each with the edition it used. */
export const datasetTitles = (result: Pick<AssessmentResult, 'datasets'>, ctx: ExplainContext = {}) => {
  const kinds = new Map((ctx.reference?.datasets ?? []).map((d) => [d.id, d.kind]));
  return result.datasets.map((d) => ({ id: d.id, title: datasetTitle({ ...d, kind: kinds.get(d.id) }) }));
};

// ---- One plain sentence -----------------------------------------------------------------------------------

const joinWords = (parts: readonly string[]): string =>
  parts.length <= 1
    ? (parts[0] ?? '')
    : parts.length === 2
      ? // A comma inside the first part would make a bare "and" ambiguous.
        `${parts[0]}${parts[0]!.includes(',') ? ',' : ''} and ${parts[1]}`
      : `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`;

const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

const TIP_WORDS: Record<string, string> = {
  '1': 'Tier 1',
  '2': 'Tier 2',
  '2WL': 'the Tier 2 Watch List',
  '3': 'Tier 3',
  special_case: 'a Special Case (not ranked)',
};

/**
 * What the US list says of a good, from the stored slice: "made with forced labour", "made with child
 * labour", both, or, for a downstream good, "made with an input from China that is made with forced labour".
 */
const listedAs = (ctx: ExplainContext, iso: string, goodKey: string): string => {
  const rows = (ctx.reference?.ilab ?? []).filter((l) => l.iso2 === iso && l.goodKey === goodKey);
  const forced = rows.some((l) => l.forcedLabor || l.forcedChildLabor);
  const child = rows.some((l) => l.childLabor || l.forcedChildLabor);
  const downstream = rows.find((l) => l.basis === 'downstream_input');
  if (!forced && !child && downstream) {
    const from = downstream.inputIso2
      ? ` from ${countryName(downstream.inputIso2) ?? downstream.inputIso2}`
      : '';
    return `goods made with an input${from} that is made with forced labour`;
  }
  const labour =
    forced && child
      ? 'child and forced labour'
      : forced
        ? 'forced labour'
        : child
          ? 'child labour'
          : 'child or forced labour';
  return `goods made with ${labour}`;
};

const goodsPhrase = (f: InherentFactor, ctx: ExplainContext, country: string, iso: string): string => {
  const goods = f.goods ?? [];
  if (goods.length === 0) return 'no goods are recorded, so the goods risk is unknown';
  const top = [...goods].sort((a, b) => b.points - a.points);
  const listed = top.filter((g) => g.status === 'listed');
  if (listed.length > 0) {
    const g = listed[0]!;
    const more = listed.length > 1 ? ` (and ${listed.length - 1} more of its goods)` : '';
    return `${g.input} from ${country}${more} is on the US list of ${listedAs(ctx, iso, g.goodKey)}`;
  }
  const unknown = top.find((g) => g.status === 'unknown_good');
  if (unknown && unknown.points >= (top[0]?.points ?? 0)) {
    return `the US list of goods made with child or forced labour does not name "${unknown.input}", so its risk is unknown`;
  }
  const elsewhere = top[0]!;
  return `${elsewhere.input} is on the US list of goods made with child or forced labour for other countries, though not for ${country}`;
};

/** Why a factor adds risk, in words; null when the factor adds nothing worth naming. */
const riskPhrase = (f: InherentFactor, ctx: ExplainContext, country: string, iso: string): string => {
  const v = f.value;
  switch (f.key as string) {
    case 'tip_tier':
      return v === null
        ? `the US Trafficking in Persons Report gives ${country} no tier, so its risk is unknown`
        : `${country} is on ${TIP_WORDS[String(v)] ?? `tier ${v}`} of the US Trafficking in Persons Report`;
    case 'gsi_prevalence':
      return v === null
        ? `the Global Slavery Index has no estimate of modern slavery in ${country}`
        : `the Global Slavery Index estimates ${v} in every 1,000 people in ${country} live in modern slavery`;
    case 'gsi_vulnerability':
      return v === null
        ? `the Global Slavery Index has no vulnerability score for ${country}`
        : `${country} scores ${v} out of 100 for vulnerability to modern slavery in the Global Slavery Index`;
    case 'gsi_government_response':
      return v === null
        ? `the Global Slavery Index has no rating of ${country}'s government response`
        : `the Global Slavery Index rates ${country}'s government response to modern slavery at only ${v}%`;
    case 'ilab_goods':
      return goodsPhrase(f, ctx, country, iso);
    case 'migrant_share':
      return v === null
        ? 'the share of migrant workers is not recorded'
        : `${v}% of its workers are migrants`;
    case 'agency_share':
      return v === null
        ? 'the share of agency workers is not recorded'
        : `${v}% of its workers are hired through agencies`;
    case 'supplier_tier':
      return `it sits at tier ${v} of the supply chain, where buyers see least`;
    default:
      // A factor this file does not know yet (a newer engine): its own name and detail, never its key.
      return `${lowerFirst(f.name)} (${lowerFirst(f.detail)})`;
  }
};

/** Why a factor adds little, in words (a low rating says what is reassuring); null for the minor ones. */
const reassuringPhrase = (f: InherentFactor, country: string): string | null => {
  if (f.known === 0) return null;
  switch (f.key as string) {
    case 'tip_tier':
      return `${country} is on ${TIP_WORDS[String(f.value)] ?? `tier ${f.value}`} of the US Trafficking in Persons Report`;
    case 'ilab_goods':
      return (f.goods ?? []).length > 0 && f.points === 0
        ? 'its goods are not on the US list of goods made with child or forced labour'
        : (f.goods ?? []).every((g) => g.status === 'not_listed')
          ? `its goods are not on the US list of goods made with child or forced labour for ${country}`
          : null;
    default:
      return null;
  }
};

/** The factors that carry the score: the largest, and those close to it, at most three. */
const mainFactors = (factors: readonly InherentFactor[]): InherentFactor[] => {
  const risky = factors
    .filter((f) => f.points > 0 && f.maxPoints > 0 && f.points >= 0.25 * f.maxPoints)
    .sort((a, b) => b.points - a.points || b.points / b.maxPoints - a.points / a.maxPoints);
  const top = risky[0]?.points ?? 0;
  return risky.filter((f) => f.points >= 0.4 * top).slice(0, 3);
};

/**
 * One plain sentence saying why the rating is what it is, naming the factors that carry the score in words
 * ("Critical mainly because cotton from Turkmenistan is on the US list of goods made with forced labour, and
 * Turkmenistan is on Tier 3 of the US Trafficking in Persons Report."). Says so when a red flag or the
 * unknown-data floor raised the rating, and when controls lowered the score. Never shows a formula or a code.
 */
export const explainRating = (result: AssessmentResult, ctx: ExplainContext = {}): string => {
  const iso = ctx.profile?.country ?? '';
  const country = ctx.reference?.countries?.[iso]?.name ?? countryName(iso) ?? (iso || 'the country');
  const rating = RATING_WORDS[result.rating];
  const floor = (result as { ratingFloor?: FloorLike | null }).ratingFloor ?? null;
  const raisedByFlag =
    result.rating !== result.ratingFromScore && result.redFlags.some((f) => f.minRating === result.rating);

  if (floor && floor.minRating === result.rating && !raisedByFlag) {
    const unknown = result.inherent.factors
      .filter((f) => f.known === 0 && (f.dataset !== null || f.key === 'ilab_goods'))
      .map((f) => riskPhrase(f, ctx, country, iso));
    const what =
      unknown.length > 0 ? joinWords(unknown.slice(0, 2)) : `too little published data covers ${country}`;
    return `${rating} because too little is known to rate it lower: ${what}, and unknown data is never rated below ${RATING_WORDS[floor.minRating].toLowerCase()} (the score alone gives ${RATING_WORDS[result.ratingFromScore].toLowerCase()}).`;
  }
  if (raisedByFlag) {
    const flags = result.redFlags.filter((f) => f.minRating === result.rating).map((f) => lowerFirst(f.name));
    return `${rating} because an answer raised a red flag (${joinWords(flags)}), which sets the rating to at least ${rating.toLowerCase()}; the score alone gives ${RATING_WORDS[result.ratingFromScore].toLowerCase()}.`;
  }

  const controls =
    result.control.score > 0
      ? `, with controls the supplier has shown lowering the risk from ${fmt(result.inherent.score)} to ${fmt(result.residual.score)} out of 100`
      : '';
  const main = mainFactors(result.inherent.factors);
  if (result.rating === 'low' || main.length === 0) {
    const good = result.inherent.factors
      .map((f) => reassuringPhrase(f, country))
      .filter((p): p is string => p !== null);
    const biggest = main[0]
      ? `; the largest risk left is that ${riskPhrase(main[0], ctx, country, iso)}`
      : '';
    const why =
      good.length > 0 ? `because ${joinWords(good)}` : 'because none of the published data flags it';
    return `${rating} ${why}${controls}${biggest}.`;
  }
  const share = main.reduce((n, f) => n + f.points, 0) / Math.max(result.inherent.points, 1);
  const lead = share >= 0.95 ? 'because' : 'mainly because';
  const reasons = main.map((f) => riskPhrase(f, ctx, country, iso));
  return `${rating} ${lead} ${joinWords(reasons)}${controls}.`;
};

// ---- Confidence ---------------------------------------------------------------------------------------------

const pct = (share: number) => `${fmt(r2(share * 100))}%`;

/** What confidence measures, why it has its value, and what would raise it, in three plain sentences. */
export const explainConfidence = (result: Pick<AssessmentResult, 'confidence' | 'dataGaps'>) => {
  const { value, referenceData, answers } = result.confidence;
  const measures =
    'Confidence says how much of what this rating needs was actually known: the published data on the country and goods, and accepted questionnaire answers on the supplier’s controls.';
  const answered =
    answers === 0
      ? 'no questionnaire answers have been accepted yet'
      : `accepted answers cover ${pct(answers)} of the controls the policy asks about`;
  const why = `It is ${pct(value)} because the published data covers ${pct(referenceData)} of the country, goods and workforce factors, and ${answered}.`;
  const raise: string[] = [];
  if (answers < 1)
    raise.push('accepted answers to a questionnaire (answers backed by evidence count in full)');
  const profileGaps = result.dataGaps.filter((g) => g.kind === 'profile');
  if (profileGaps.some((g) => g.key === 'goods')) raise.push('the goods it supplies');
  const fields = profileGaps
    .filter((g) => g.key !== 'goods')
    .map((g) =>
      g.key === 'migrantWorkerShare'
        ? 'its migrant worker share'
        : g.key === 'agencyWorkerShare'
          ? 'its agency worker share'
          : `its ${lowerFirst(g.key.replace(/([a-z])([A-Z])/g, '$1 $2'))}`,
    );
  if (fields.length > 0) raise.push(joinWords(fields));
  if (result.dataGaps.some((g) => g.kind === 'good')) raise.push('goods named as the US list names them');
  const raiseText =
    raise.length === 0
      ? 'Nothing more can raise it: everything this rating needs is known.'
      : `Recording ${joinWords(raise)} would raise it.`;
  return { measures, why, raise: raiseText };
};

// ---- What set the assessment off ------------------------------------------------------------------------------

/** "Reassessed because the profile changed: migrant worker share", from an assessment's trigger and detail. */
export const describeTrigger = (trigger: string, detail: string | null | undefined): string => {
  switch (trigger) {
    case 'profile_changed':
      // The detail reads "profile changed: migrant worker share" (profileChangedDetail).
      return detail?.startsWith('profile changed')
        ? `Reassessed because the ${detail}`
        : `Reassessed because the profile changed${detail ? `: ${detail}` : ''}`;
    case 'created':
      return 'Assessed when the supplier was added';
    case 'questionnaire_accepted':
      return `Reassessed when ${detail ? `the ${detail}` : 'a questionnaire'} was accepted`;
    case 'answers_expired':
      // The detail reads "answers to questionnaire "…" (v1), accepted on …, expired on …".
      return `Reassessed because the ${detail ?? 'accepted questionnaire answers expired'}: they no longer count as evidence`;
    case 'remediation':
      // The detail reads "remediation verified: …" or "remediation reopened: …" (the task's title).
      return `Reassessed because a ${detail ?? 'remediation task changed'}`;
    case 'import':
      return `Assessed after a CSV import${detail ? ` (${detail})` : ''}`;
    case 'policy_published':
      return 'Reassessed when a new scoring policy was published';
    case 'seed':
      return 'Assessed when the demo data was loaded';
    case 'manual':
      return 'Assessed on request ("Assess now")';
    default:
      return detail ? `Assessed: ${detail}` : 'Assessed';
  }
};
