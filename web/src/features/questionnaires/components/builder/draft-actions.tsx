import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Template } from '#shared/schemas/templates.js';
import { Button } from '../../../../components/ui/button.js';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog.js';
import { isApiError } from '../../../../lib/api-client.js';
import { describeError } from '../../../../lib/form-errors.js';
import { useDeleteTemplate, usePublishTemplate } from '../../api.js';
import type { IssueItem } from '../issue-list.js';

/**
 * Publish and delete, each confirmed, each made from the revision the person has (a draft changed since is a
 * 409, shown as an edit conflict). Publishing what is on screen needs it saved first.
 */
export function DraftActions({
  template,
  dirty,
  onConflict,
  onIssues,
}: {
  template: Template;
  dirty: boolean;
  onConflict: (error: unknown) => boolean;
  onIssues: (issues: IssueItem[]) => void;
}) {
  const navigate = useNavigate();
  const publish = usePublishTemplate(template.id);
  const remove = useDeleteTemplate(template.id);
  const [asking, setAsking] = useState<'publish' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setAsking(null);
    setError(null);
  };
  const onPublish = async () => {
    try {
      await publish.mutateAsync(template.revision);
      close();
    } catch (e) {
      if (onConflict(e)) return close();
      if (isApiError(e) && e.issues.length > 0) {
        onIssues(e.issues);
        return close();
      }
      setError(describeError(e));
    }
  };
  const onDelete = async () => {
    try {
      await remove.mutateAsync(template.revision);
      navigate('/questionnaires/templates');
    } catch (e) {
      if (onConflict(e)) return close();
      setError(describeError(e));
    }
  };

  return (
    <>
      <Button
        onClick={() => setAsking('publish')}
        disabled={dirty}
        title={dirty ? 'Save your changes first' : undefined}
      >
        Publish
      </Button>
      <Button variant="danger" onClick={() => setAsking('delete')}>
        Delete draft
      </Button>
      {asking === 'publish' ? (
        <ConfirmDialog
          title={`Publish ${template.name}?`}
          confirmLabel="Publish"
          tone="primary"
          busy={publish.isPending}
          error={error}
          onConfirm={onPublish}
          onCancel={close}
        >
          <p>
            The draft becomes the next numbered version and can no longer change; the version it replaces is
            retired. Questionnaires already sent keep the version they were sent with.
          </p>
        </ConfirmDialog>
      ) : null}
      {asking === 'delete' ? (
        <ConfirmDialog
          title={`Delete the draft ${template.name}?`}
          confirmLabel="Delete draft"
          busy={remove.isPending}
          error={error}
          onConfirm={onDelete}
          onCancel={close}
        >
          <p>The draft and its changes are deleted. Published versions are not affected.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
