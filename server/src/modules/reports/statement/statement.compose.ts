import { STATEMENT_FRAMEWORK_LABELS } from '#shared/schemas/reports.js';
import type { StatementFacts } from './statement.facts.js';
import type {
  StatementBlock,
  StatementData,
  StatementRequirement,
  StatementSection,
} from './statement.model.js';
import { day } from './statement.text.js';
import * as topic from './statement.topics.js';

// Which topics answer which criterion, by the criterion's id in reporting-criteria.json. A criterion not
// listed here (the file gained one) still gets its section, as a gap: every criterion has exactly one.

type Topic = (f: StatementFacts) => StatementBlock[];
const titled =
  (title: string, t: Topic): Topic =>
  (f) => [{ kind: 'subheading', text: title }, ...t(f)];

const TOPICS: Record<string, Topic[]> = {
  // UK Modern Slavery Act 2015, s.54(5)(a)-(f): suggested areas.
  'UK-54-5-a': [topic.structure],
  'UK-54-5-b': [topic.policies],
  'UK-54-5-c': [topic.dueDiligence],
  'UK-54-5-d': [
    titled('Where the risks lie', (f) => topic.risks(f, 'modern slavery')),
    titled('How the risks were managed', topic.remediation),
  ],
  'UK-54-5-e': [topic.effectiveness],
  'UK-54-5-f': [topic.training],
  // Australia Modern Slavery Act 2018, s.16(1)(a)-(g): mandatory.
  'AU-16-1-a': [topic.entity],
  'AU-16-1-b': [topic.structure],
  'AU-16-1-c': [(f) => topic.risks(f, 'modern slavery')],
  'AU-16-1-d': [
    titled('Policies', topic.policies),
    titled('Due diligence', topic.dueDiligence),
    titled('Remediation', topic.remediation),
  ],
  'AU-16-1-e': [topic.effectiveness],
  'AU-16-1-f': [topic.consultation],
  'AU-16-1-g': [titled('Training', topic.training), titled('Sources', topic.otherInformation)],
  // Canada S-211, s.11(1) and s.11(3)(a)-(g): mandatory.
  'CA-11-1': [topic.stepsTaken],
  'CA-11-3-a': [topic.structure],
  'CA-11-3-b': [titled('Policies', topic.policies), titled('Due diligence', topic.dueDiligence)],
  'CA-11-3-c': [(f) => topic.risks(f, 'forced or child labour')],
  'CA-11-3-d': [topic.remediation, topic.remedyForPeople],
  'CA-11-3-e': [topic.incomeLoss],
  'CA-11-3-f': [topic.training],
  'CA-11-3-g': [topic.effectiveness],
};

const unmapped = (): StatementBlock[] => [
  { kind: 'gap', text: 'Clearsource holds no data for this criterion: write this section.' },
];

/** What the organisation must write or do for each of the law's other requirements, by id. */
const REQUIREMENT_GAPS: Record<string, string> = {
  'UK-54-4':
    'State the steps taken in the financial year, or that none were taken; the sections above give the steps Clearsource recorded.',
  'UK-54-6':
    'Record the date the board (or equivalent) approved the statement and the name of the director (or equivalent) who signed it.',
  'UK-54-7': 'Give the address where the statement is published and the homepage link to it.',
  'AU-13-2':
    'Record the date the principal governing body approved the statement and the name of the responsible member who signed it.',
};
const OTHER_GAP = 'Clearsource cannot record this: complete it before the statement is published.';

/** What the organisation must do beyond the criteria: the law's other requirements, else approval. */
const requirementsOf = (f: StatementFacts): StatementRequirement[] => {
  const other = f.law.otherRequirements.map((r) => ({
    citation: r.citation,
    paraphrase: r.paraphrase,
    gap: REQUIREMENT_GAPS[r.id] ?? OTHER_GAP,
  }));
  if (other.length > 0) return other;
  // The criteria file lists none for this law: approval and signature are still the organisation's to record.
  return [
    {
      citation: null,
      paraphrase: 'The statement is approved and signed as the law requires.',
      gap: 'Record who approved this statement and when, and who signed it; check the law’s approval and attestation requirements.',
    },
  ];
};

export const statementTitle = (f: Pick<StatementFacts, 'framework' | 'period'>): string =>
  `Modern-slavery statement draft: ${STATEMENT_FRAMEWORK_LABELS[f.framework]}, ${day(f.period.start)} to ${day(f.period.end)}`;

/** The draft, composed from the figures alone: a pure function, as render is. */
export const composeStatement = (f: StatementFacts): StatementData => {
  const sections: StatementSection[] = f.law.criteria.map((c) => ({
    criterionId: c.id,
    shortName: c.shortName,
    citation: c.citation,
    paraphrase: c.paraphrase,
    blocks: (TOPICS[c.id] ?? [unmapped]).flatMap((t) => t(f)),
  }));
  const introduction: StatementBlock[] = [
    {
      kind: 'paragraph',
      text: `A draft of ${f.organisation}’s statement under the ${f.law.name}, for the reporting period ${day(f.period.start)} to ${day(f.period.end)}. It has one section per criterion of the law, filled from the organisation’s supplier due-diligence data in Clearsource. The law’s criteria are ${f.law.criteriaNature}.`,
    },
    {
      kind: 'note',
      text: `Figures about what happened count the reporting period; figures about the supplier register, coverage and open tasks are as on ${day(f.asOf)}, when the data was read. Every sentence states a recorded figure. Where the data cannot support what a criterion asks, the draft says so in a marked gap for the organisation to fill before the statement is approved.`,
    },
    {
      kind: 'note',
      text: `Each section quotes our plain-words paraphrase of its criterion, not the statutory text: check the official text (${f.law.officialUrl}) before relying on its wording.`,
    },
  ];
  if (f.law.statusNotes) introduction.push({ kind: 'note', text: `Status of the law: ${f.law.statusNotes}` });
  return { facts: f, title: statementTitle(f), introduction, sections, requirements: requirementsOf(f) };
};
