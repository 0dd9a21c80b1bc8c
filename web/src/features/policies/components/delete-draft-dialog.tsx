import type { Policy } from '#shared/schemas/policy.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { describeError } from '../../../lib/form-errors.js';
import { useDeletePolicyDraft } from '../api.js';

export interface DeleteDraftDialogProps {
  draft: Policy;
  onDeleted: () => void;
  onCancel: () => void;
}

/** Confirms deleting a draft that was never published; only the draft as the person sees it is deleted. */
export function DeleteDraftDialog({ draft, onDeleted, onCancel }: DeleteDraftDialogProps) {
  const remove = useDeletePolicyDraft(draft.id);
  return (
    <ConfirmDialog
      title={`Delete the draft “${draft.name}”?`}
      confirmLabel="Delete the draft"
      busy={remove.isPending}
      error={remove.isError ? describeError(remove.error) : null}
      onConfirm={() => remove.mutate(draft.revision, { onSuccess: onDeleted })}
      onCancel={onCancel}
    >
      <p>
        The draft and its changes are deleted for good. It was never published, so no supplier was ever scored
        under it; the audit trail keeps a record that it existed and who deleted it.
      </p>
    </ConfirmDialog>
  );
}
