import type { StatementLaw } from '#shared/domain/reference/reporting-criteria.js';
import type { TipTier } from '#shared/domain/reference/types.js';
import type { RatingBand } from '#shared/schemas/dashboard.js';
import type { StatementFramework } from '#shared/schemas/reports.js';
import type { AssessedRow, FlagRow, QuestionnaireRow } from './statement.repo.js';

// Everything a statement draft says, as figures read in one snapshot (statement.load.ts). The text is
// composed from these alone (statement.compose.ts): a sentence the figures cannot support is a gap.

export interface CountryFigure {
  iso2: string;
  name: string;
  suppliers: number;
  highOrCritical: number;
  /** TIP tier in the edition the policy scores with; null when the TIP data does not rank the country. */
  tip: TipTier | null;
  /** GSI estimated prevalence per 1,000; null when unknown. */
  gsiPrevalence: number | null;
}

export interface SpendFigure {
  currency: string;
  /** Suppliers with a recorded annual spend in the currency. */
  suppliers: number;
  total: number;
  /** Spend with suppliers in countries on TIP Tier 3 or the Tier 2 Watch List. */
  highRiskCountries: number;
}

/** Suppliers producing a good the ILAB list names for their country. */
export interface IlabFigure {
  country: string;
  countryName: string;
  /** The good as ILAB publishes it. */
  good: string;
  childLabour: boolean;
  forcedLabour: boolean;
  suppliers: number;
}

/** How the suppliers with valid accepted answers answered one policy criterion's questions. */
export interface CriterionAnswerFigure {
  /** The criterion's name in the policy. */
  name: string;
  /** Suppliers whose answers evidence the criterion at all. */
  answered: number;
  /** All of its points earned. */
  full: number;
  /** Some but not all. */
  partial: number;
  /** None. */
  none: number;
  /** At least one answer backed by evidence an officer accepted. */
  evidenced: number;
}

export interface StatementFacts {
  framework: StatementFramework;
  law: StatementLaw;
  period: { start: string; end: string };
  /** The UTC day the current-state figures were read on. */
  asOf: string;
  organisation: string;
  suppliers: {
    /** Current (not archived) suppliers. */
    total: number;
    byRating: { band: RatingBand; suppliers: number }[];
    byTier: { tier: number; suppliers: number }[];
    /** Most suppliers first. */
    byCountry: CountryFigure[];
    /** In countries on TIP Tier 3 or the Tier 2 Watch List. */
    inHighRiskCountries: number;
    spend: SpendFigure[];
  };
  goods: {
    /** Most suppliers first: the goods as written on the suppliers (lower case). */
    top: { good: string; suppliers: number }[];
    distinct: number;
    /** Suppliers without any good recorded. */
    withoutGoods: number;
    /** Suppliers with at least one good ILAB lists for their country; of them, for child / forced labour. */
    ilabSuppliers: number;
    ilabChildLabourSuppliers: number;
    ilabForcedLabourSuppliers: number;
    ilab: IlabFigure[];
  };
  /** The published scoring policy, or null when the organisation has none. */
  policy: {
    name: string;
    version: number;
    publishedOn: string | null;
    criteria: { name: string; group: 'ilo_indicator' | 'governance' }[];
    redFlags: string[];
    reassessmentMonths: number;
    answerValidityMonths: number;
  } | null;
  answers: {
    /** Suppliers whose accepted answers still count on `asOf`. */
    suppliers: number;
    /** Null when the policy has no such criterion (or there is no policy). */
    policyCommitment: CriterionAnswerFigure | null;
    training: CriterionAnswerFigure | null;
  };
  questionnaires: QuestionnaireRow & {
    /** Waiting for the supplier or for review on `asOf` (the dashboard's figure). */
    outstanding: number;
  };
  /** The dashboard's coverage on `asOf`. */
  coverage: { activeSuppliers: number; covered: number; share: number; expired: number };
  assessed: AssessedRow;
  tasks: {
    opened: number;
    submitted: number;
    closed: number;
    riskAccepted: number;
    medianDaysToClose: number | null;
    /** Open on periodEnd's next day and past due by then (tasks' state today: reopened ones count). */
    overdueAtEnd: number;
    /** The dashboard's figures on `asOf`. */
    activeNow: number;
    overdueNow: number;
    riskAcceptedNow: number;
  };
  redFlags: FlagRow[];
  /** The editions the country and goods figures come from, e.g. "TIP 2025". */
  datasets: string[];
}
