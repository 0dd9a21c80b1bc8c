import { Alert } from '../../../../components/ui/alert.js';
import { type IssueItem, IssueList } from '../issue-list.js';

/**
 * What stops the draft from being published, at the top of the builder: the server's list for the saved
 * draft, and the issues of the last save or publish attempt. Each links to its field.
 */
export function IssuesPanel({
  saved,
  checked,
  definition,
  onGo,
}: {
  saved: IssueItem[];
  checked: { title: string; issues: IssueItem[] } | null;
  definition: unknown;
  onGo: (path: string) => void;
}) {
  return (
    <div className="tpl-issues-panel">
      {checked && checked.issues.length > 0 ? (
        <Alert tone="error" title={checked.title}>
          <IssueList issues={checked.issues} definition={definition} onGo={onGo} />
        </Alert>
      ) : null}
      {saved.length > 0 ? (
        <Alert tone="warning" title="What stops this draft from being published">
          <IssueList issues={saved} definition={definition} onGo={onGo} />
        </Alert>
      ) : (
        <p className="muted">
          The saved draft can be published: nothing in it conflicts with the published policy.
        </p>
      )}
    </div>
  );
}
