import type { ReportMeta } from '../report-types.js';
import {
  gapMarker,
  paraphraseLine,
  type StatementBlock,
  type StatementData,
  sectionHeading,
} from './statement.model.js';

// The Markdown draft: `#` the title, exactly one `##` per criterion (in the law's order), `###` the topics
// inside a criterion. Gaps read "[GAP: …]" so an editor finds every one with a search.

/** Markdown's own characters in data (a supplier's good, an organisation's name) print as themselves. */
const md = (text: string): string => text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
const cell = (text: string): string => md(text).replace(/\r?\n/g, ' ');

const block = (b: StatementBlock): string => {
  switch (b.kind) {
    case 'subheading':
      return `### ${md(b.text)}`;
    case 'paragraph':
      return md(b.text);
    case 'bullets':
      return b.items.map((i) => `- ${md(i)}`).join('\n');
    case 'note':
      return `> Note: ${md(b.text)}`;
    case 'gap':
      return `> **${gapMarker(md(b.text))}**`;
    case 'table': {
      const head = `| ${b.columns.map((c) => cell(c.header)).join(' | ')} |`;
      const rule = `| ${b.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
      return [`*${md(b.caption)}*`, '', head, rule, ...rows].join('\n');
    }
  }
};

export const renderStatementMarkdown = (d: StatementData, meta: ReportMeta): string => {
  const out: string[] = [
    `# ${md(d.title)}`,
    `*${md(meta.organisation.name)} · register number ${md(meta.registerNumber)} · data read ${meta.issuedAt.toISOString()}*`,
    ...d.introduction.map(block),
  ];
  for (const s of d.sections) {
    out.push(`## ${md(sectionHeading(s))}`, `*${md(paraphraseLine(s))}*`, ...s.blocks.map(block));
  }
  out.push('**Approval, signature and publication**');
  for (const r of d.requirements) {
    out.push(`- ${r.citation ? `${md(r.citation)}: ` : ''}${md(r.paraphrase)} **${gapMarker(md(r.gap))}**`);
  }
  return `${out.join('\n\n')}\n`;
};
