import { describeIssuePath } from '../lib/template-paths.js';

export interface IssueItem {
  path: string;
  message: string;
}

/**
 * Issues as a list the person can act on: each says where (in words) and what, and, when `onGo` is given,
 * is a link that opens and focuses the field in the builder.
 */
export function IssueList({
  issues,
  definition,
  onGo,
}: {
  issues: readonly IssueItem[];
  definition?: unknown;
  onGo?: (path: string) => void;
}) {
  return (
    <ul className="tpl-issues">
      {issues.map((issue, i) => {
        const where = describeIssuePath(issue.path, definition);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues are a snapshot; two may share a path.
          <li key={`${issue.path}-${i}`}>
            {onGo ? (
              <a
                href={`#${issue.path}`}
                onClick={(event) => {
                  event.preventDefault();
                  onGo(issue.path);
                }}
              >
                {where}
              </a>
            ) : (
              <strong>{where}</strong>
            )}
            : {issue.message}
          </li>
        );
      })}
    </ul>
  );
}
