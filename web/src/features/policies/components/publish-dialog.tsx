import type { Policy } from '#shared/schemas/policy.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate } from '../../../lib/format.js';
import { usePublishPolicy } from '../api.js';

export interface PublishDialogProps {
  draft: Policy;
  /** The policy in use now, which publishing retires. */
  published: Policy | undefined;
  version: number;
  onPublished: (jobId: string) => void;
  onCancel: () => void;
}

/** Says exactly what publishing does before it happens: new version, frozen, previous retired, rescore. */
export function PublishDialog({ draft, published, version, onPublished, onCancel }: PublishDialogProps) {
  const publish = usePublishPolicy(draft.id);
  return (
    <ConfirmDialog
      title={`Publish “${draft.name}” as version ${version}?`}
      confirmLabel={`Publish version ${version}`}
      tone="primary"
      busy={publish.isPending}
      error={publish.isError ? describeError(publish.error) : null}
      onConfirm={() => publish.mutate(draft.revision, { onSuccess: ({ job }) => onPublished(job.id) })}
      onCancel={onCancel}
    >
      <ul className="plain-list publish-consequences">
        <li>
          It becomes <strong>version {version}</strong> and is frozen: it can no longer be edited, only copied
          into a new draft.
        </li>
        {published ? (
          <li>
            Version {published.version} ({published.name}), in use since{' '}
            {published.publishedAt ? formatDate(published.publishedAt) : 'its publication'}, is retired. Its
            past assessments stay as they are.
          </li>
        ) : null}
        <li>
          <strong>Every supplier is rescored</strong> under version {version}, in the background. Their
          ratings may change; the audit trail records each new assessment.
        </li>
      </ul>
    </ConfirmDialog>
  );
}
