import { z } from 'zod';
import { STATEMENT_FRAMEWORK_LAW_IDS, type StatementFramework } from '../../schemas/reports.js';

// The disclosure criteria of the modern-slavery laws a statement draft follows (shared/reference-data/
// reporting-criteria.json, a copy of ../shared/reference/reporting-criteria.json; its source note is the
// manifest's `reportingCriteria` entry). Every `paraphrase` was written for this project and is NOT statutory
// text: a draft prints it as such, with the citation of the section it paraphrases.

const CriterionSchema = z.object({
  id: z.string().max(40),
  short_name: z.string().max(120),
  paraphrase: z.string().max(1000),
  citation: z.string().max(300),
});

const RequirementSchema = z.object({
  id: z.string().max(40),
  paraphrase: z.string().max(1000),
  citation: z.string().max(300),
});

const LawSchema = z.object({
  id: z.string().max(40),
  name: z.string().max(300),
  jurisdiction: z.string().max(10),
  official_url: z.string().max(300),
  official_url_read: z.boolean(),
  scope_summary: z.string().max(2000),
  criteria_nature: z.string().max(1000),
  // The EU Forced Labour Regulation lists key points, not criteria: no statement follows it.
  criteria: z.array(CriterionSchema).max(20).optional(),
  other_requirements: z.array(RequirementSchema).max(20).optional(),
  status_notes: z.string().max(2000).optional(),
});

export const ReportingCriteriaFileSchema = z.object({
  dataset: z.string().max(300),
  compiled_note: z.string().max(2000),
  laws: z.array(LawSchema).min(1).max(20),
});
export type ReportingCriteriaFile = z.infer<typeof ReportingCriteriaFileSchema>;

/** One criterion of a law, as a statement section is headed. */
export interface ReportingCriterion {
  id: string;
  shortName: string;
  /** Our plain-words paraphrase: not statutory text. */
  paraphrase: string;
  /** The section it paraphrases, e.g. "s.54(5)(a)". */
  citation: string;
}

/** What a statement draft needs of one law. */
export interface StatementLaw {
  id: string;
  name: string;
  officialUrl: string;
  /** Whether the criteria are mandatory or suggested, in the file's words. */
  criteriaNature: string;
  /** In the law's order. */
  criteria: ReportingCriterion[];
  /** Requirements beyond the criteria (approval, signature, publication), in the file's order. */
  otherRequirements: { id: string; paraphrase: string; citation: string }[];
  statusNotes: string | null;
}

/** The law a framework follows, from the parsed file; throws when the file lacks it (a shipping bug). */
export const statementLaw = (file: ReportingCriteriaFile, framework: StatementFramework): StatementLaw => {
  const id = STATEMENT_FRAMEWORK_LAW_IDS[framework];
  const law = file.laws.find((l) => l.id === id);
  if (!law?.criteria?.length) throw new Error(`reporting-criteria.json has no criteria for ${id}`);
  return {
    id: law.id,
    name: law.name,
    officialUrl: law.official_url,
    criteriaNature: law.criteria_nature,
    criteria: law.criteria.map((c) => ({
      id: c.id,
      shortName: c.short_name,
      paraphrase: c.paraphrase,
      citation: c.citation,
    })),
    otherRequirements: law.other_requirements ?? [],
    statusNotes: law.status_notes ?? null,
  };
};
