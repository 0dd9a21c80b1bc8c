import { Field } from '../../../components/ui/field.js';
import { describeError } from '../../../lib/form-errors.js';
import { usePublishApproval, useSetPublishApproval } from '../publish-requests-api.js';

const CHOICES = {
  default: 'Default (on with two or more administrators)',
  on: 'Always required',
  off: 'Not required',
};
type Choice = keyof typeof CHOICES;

/**
 * The organisation's four-eyes rule on the policies page: what applies and why for everyone; admins may set it
 * (the change is audited) or go back to the default.
 */
export function PublishApprovalRule({ canManage }: { canManage: boolean }) {
  const setting = usePublishApproval();
  const save = useSetPublishApproval();
  if (!setting.data) return null;
  const { required, source, reason } = setting.data;
  const choice: Choice = source === 'default' ? 'default' : required ? 'on' : 'off';
  return (
    <section className="section publish-approval-rule" aria-labelledby="publish-approval-title">
      <h2 className="section-title" id="publish-approval-title">
        Approval to publish
      </h2>
      <p>
        <strong>
          {required ? "A second administrator's approval is required." : 'No approval is required.'}
        </strong>{' '}
        {reason}
      </p>
      {canManage ? (
        <Field
          label="Rule for this organisation"
          error={save.isError ? describeError(save.error) : undefined}
        >
          {(control) => (
            <select
              className="input select"
              value={choice}
              disabled={save.isPending}
              onChange={(e) => {
                const next = e.target.value as Choice;
                save.mutate({ required: next === 'default' ? null : next === 'on' });
              }}
              {...control}
            >
              {(Object.keys(CHOICES) as Choice[]).map((c) => (
                <option key={c} value={c}>
                  {CHOICES[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </section>
  );
}
