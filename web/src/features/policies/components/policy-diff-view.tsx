import type { PolicyDocument } from '#shared/schemas/policy.js';
import { Badge } from '../../../components/ui/badge.js';
import { TableScroll } from '../../../components/ui/table.js';
import { diffPolicies, type PolicyChange } from '../lib/policy-diff.js';

const SECTIONS: { title: string; heads: readonly string[] }[] = [
  { title: 'Name and description', heads: ['name', 'description', 'schemaVersion'] },
  { title: 'Rating bands', heads: ['ratingBands'] },
  { title: 'Inherent risk', heads: ['inherent'] },
  { title: 'Control effectiveness', heads: ['criteria'] },
  { title: 'Red flags', heads: ['redFlags'] },
  {
    title: 'Residual risk, evidence and confidence',
    heads: ['residual', 'evidenceWeighting', 'confidence', 'reassessmentMonths'],
  },
  { title: 'Questionnaires', heads: ['answerValidityMonths', 'questionnaireSchedule'] },
];

const sectionOf = (change: PolicyChange) =>
  SECTIONS.find((section) => section.heads.includes(String(change.path[0])))?.title ?? 'Other';

function ChangeRow({ change }: { change: PolicyChange }) {
  return (
    <tr>
      <th scope="row" className="cell-rowheader">
        {change.label}
        {change.kind === 'added' ? (
          <>
            {' '}
            <Badge tone="success">Added</Badge>
          </>
        ) : change.kind === 'removed' ? (
          <>
            {' '}
            <Badge tone="danger">Removed</Badge>
          </>
        ) : null}
      </th>
      <td className="diff-before">
        {change.before === null ? <span className="muted">—</span> : <del>{change.before}</del>}
      </td>
      <td className="diff-after">
        {change.after === null ? <span className="muted">—</span> : <ins>{change.after}</ins>}
      </td>
    </tr>
  );
}

export interface PolicyDiffViewProps {
  before: PolicyDocument;
  after: PolicyDocument;
  /** Column headings, e.g. "Version 3 (in use)" and "This draft". */
  beforeLabel: string;
  afterLabel: string;
}

/** What changes between two policy documents, section by section, each value before → after. */
export function PolicyDiffView({ before, after, beforeLabel, afterLabel }: PolicyDiffViewProps) {
  const changes = diffPolicies(before, after);
  if (changes.length === 0) {
    return <p className="muted">No differences: both score every supplier the same way.</p>;
  }
  const sections = SECTIONS.map((s) => s.title).concat('Other');
  return (
    <div className="policy-diff">
      <p className="section-lead" aria-live="polite">
        {changes.length === 1 ? '1 setting differs' : `${changes.length} settings differ`} from {beforeLabel}.
      </p>
      {sections.map((title) => {
        const rows = changes.filter((change) => sectionOf(change) === title);
        if (rows.length === 0) return null;
        return (
          <section key={title} className="diff-section" aria-label={title}>
            <h3 className="subsection-title">{title}</h3>
            <TableScroll label={`${title}: changes`}>
              <table className="table table-compact table-breakdown diff-table">
                <caption className="visually-hidden">{`${title}: changes`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Setting</th>
                    <th scope="col">{beforeLabel}</th>
                    <th scope="col">{afterLabel}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((change) => (
                    <ChangeRow key={change.id} change={change} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </div>
  );
}
