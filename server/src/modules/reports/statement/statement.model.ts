import type { StatementFacts } from './statement.facts.js';

// A statement draft as its three renderers (PDF, DOCX, Markdown) print it: one section per criterion of the
// law, in the law's order, each a list of blocks. A `gap` block is what the organisation must add itself: the
// figures cannot support it, so the draft says so instead of writing it.

export type StatementBlock =
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | {
      kind: 'table';
      caption: string;
      columns: { header: string; align?: 'left' | 'right' }[];
      rows: string[][];
    }
  | { kind: 'gap'; text: string }
  | { kind: 'note'; text: string };

export interface StatementSection {
  /** The criterion's id in reporting-criteria.json, e.g. "UK-54-5-a". */
  criterionId: string;
  shortName: string;
  citation: string;
  /** Our paraphrase of the criterion: printed as such, never as the law's text. */
  paraphrase: string;
  blocks: StatementBlock[];
}

/** A requirement beyond the criteria (approval, signature, publication), always for the organisation to do. */
export interface StatementRequirement {
  citation: string | null;
  paraphrase: string;
  gap: string;
}

export interface StatementData {
  facts: StatementFacts;
  /** "Modern-slavery statement draft: UK Modern Slavery Act 2015, s.54(5), 2025-04-01 to 2026-03-31". */
  title: string;
  /** What the draft is and how it was made: printed before the sections. */
  introduction: StatementBlock[];
  sections: StatementSection[];
  requirements: StatementRequirement[];
}

/** How a section's heading reads in every format: "Structure, business and supply chains (s.54(5)(a))". */
export const sectionHeading = (s: Pick<StatementSection, 'shortName' | 'citation'>): string =>
  `${s.shortName} (${s.citation})`;

/** A gap as the editable formats mark it, so an editor can find every one: "[GAP: …]". */
export const gapMarker = (text: string): string => `[GAP: ${text}]`;

/** The paraphrase line under each heading. */
export const paraphraseLine = (s: Pick<StatementSection, 'paraphrase'>): string =>
  `What the law asks (our paraphrase, not statutory text): ${s.paraphrase}`;

/** How many gaps a draft leaves for the organisation (the cover's summary). */
export const gapCount = (d: StatementData): number =>
  d.sections.reduce((n, s) => n + s.blocks.filter((b) => b.kind === 'gap').length, 0) + d.requirements.length;
