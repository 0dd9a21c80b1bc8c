import type { EditionDiff, EditionIssue } from '#shared/schemas/datasets.js';
import { Table } from '../../../components/ui/table.js';

/** The problems of a refused file, as the supplier import shows them: row, column, message. */
export function EditionIssuesTable({ issues, total }: { issues: EditionIssue[]; total: number }) {
  return (
    <>
      <p>
        The file was refused and nothing was stored: {total} problem{total === 1 ? '' : 's'}
        {total > issues.length ? ` (the first ${issues.length} are listed)` : ''}. Correct them and upload
        again.
      </p>
      <Table caption="Problems in the uploaded file" wrapClassName="table-issues">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={`${issue.row} ${issue.column} ${issue.message}`}>
              <td>{issue.row}</td>
              <td>{issue.column ? <code className="code">{issue.column}</code> : '—'}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** Rows added, removed and changed against the edition in use, in words. */
export function EditionDiffView({ diff }: { diff: EditionDiff }) {
  return (
    <div className="edition-diff">
      <p>
        Against <code className="code">{diff.from.id}</code> (in use): {diff.added} added, {diff.removed}{' '}
        removed, {diff.changed} changed.
      </p>
      {diff.changes.length === 0 ? (
        <p className="muted">No row differs from the edition in use.</p>
      ) : (
        <ul className="plain-list edition-changes">
          {diff.changes.map((c) => (
            <li key={`${c.change} ${c.text}`} className={`edition-change edition-change-${c.change}`}>
              <span className="visually-hidden">{c.change}: </span>
              {c.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
