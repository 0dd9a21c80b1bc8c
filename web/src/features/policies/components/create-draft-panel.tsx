import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { type Policy, type PolicyCreate, PolicyCreateSchema } from '#shared/schemas/policy.js';
import { Button } from '../../../components/ui/button.js';
import { TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { useCreatePolicyDraft } from '../api.js';
import { policyTitle } from '../lib/policy-title.js';

/** Asks for a name, copies `base` into a new draft, closes itself (`onClose`) and opens the draft's editor. */
export function CreateDraftPanel({ base, onClose }: { base: Policy; onClose: () => void }) {
  const create = useCreatePolicyDraft();
  const navigate = useNavigate();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<PolicyCreate>({
    resolver: zodResolver(PolicyCreateSchema),
    defaultValues: { basedOn: base.id, name: '' },
  });

  // The panel opens from buttons further down the page: take the person straight to the one question.
  useEffect(() => setFocus('name'), [setFocus]);

  const { formError, onSubmit } = useServerSubmit({ handleSubmit, setError }, ['name'], async (values) => {
    const draft = await create.mutateAsync(values);
    // Close before leaving: the policy page stays mounted when it moves to the new draft, and an open panel
    // still holding the name would invite a second, duplicate draft.
    onClose();
    navigate(`/policies/${draft.id}/edit`);
  });

  return (
    <section className="panel" aria-labelledby="create-draft-title">
      <h2 className="panel-title" id="create-draft-title">
        Make a draft copy of {policyTitle(base)}
      </h2>
      <p className="muted">
        The draft starts with every number of {policyTitle(base)}. Change it, compare it with the policy in
        use and run a what-if; nothing is rescored until you publish it.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="create-draft-title">
        <FormAlert message={formError} />
        <TextField
          label="Name of the draft"
          autoComplete="off"
          hint="For example: 2026 policy, stricter on agency workers."
          error={errors.name?.message}
          {...register('name')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            Make the draft
          </Button>
          <Button onClick={onClose} disabled={isSubmitting}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
