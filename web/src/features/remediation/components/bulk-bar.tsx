import { useId, useState } from 'react';
import { TaskBulkUpdateSchema } from '#shared/schemas/tasks.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { useBulkUpdateTasks } from '../api.js';
import { useOwnerOptions } from './pickers.js';

/**
 * What can be done to the ticked tasks at once: give them an owner, or a due date. The request is checked
 * against the shared bulk schema first, so a message appears before anything is sent.
 */
export function BulkBar({ ids, onDone }: { ids: readonly string[]; onDone: (message: string) => void }) {
  const id = useId();
  const owners = useOwnerOptions();
  const bulk = useBulkUpdateTasks();
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const count = ids.length;
  const noun = count === 1 ? 'task' : 'tasks';

  const apply = (change: { ownerId?: string | null; dueDate?: string }, done: string) => {
    setProblem(null);
    const parsed = TaskBulkUpdateSchema.safeParse({ ids, ...change });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join(' '));
      return;
    }
    bulk.mutate(parsed.data, { onSuccess: () => onDone(done) });
  };

  return (
    <section className="bulk-bar" aria-label="Selected tasks">
      <p className="selection-count" aria-live="polite">
        {count} {noun} selected
      </p>
      <div className="bulk-action">
        <label className="field-label" htmlFor={`${id}-owner`}>
          Owner
        </label>
        <select
          id={`${id}-owner`}
          className="input select input-compact"
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
        >
          <option value="">Choose…</option>
          <option value="none">Nobody (unassign)</option>
          {owners.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          variant="primary"
          disabled={!ownerId}
          busy={bulk.isPending && bulk.variables?.ownerId !== undefined}
          onClick={() => {
            const name = owners.options.find((o) => o.value === ownerId)?.label;
            apply(
              { ownerId: ownerId === 'none' ? null : ownerId },
              name ? `${count} ${noun} given to ${name}.` : `${count} ${noun} unassigned.`,
            );
          }}
        >
          Assign owner
        </Button>
      </div>
      <div className="bulk-action">
        <label className="field-label" htmlFor={`${id}-due`}>
          Due date
        </label>
        <input
          id={`${id}-due`}
          className="input input-compact"
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
        />
        <Button
          size="sm"
          variant="primary"
          disabled={!dueDate}
          busy={bulk.isPending && bulk.variables?.dueDate !== undefined}
          onClick={() => apply({ dueDate }, `${count} ${noun} now due on ${dueDate}.`)}
        >
          Set due date
        </Button>
      </div>
      <Button size="sm" variant="ghost" onClick={() => onDone('')}>
        Clear selection
      </Button>
      {problem || bulk.isError ? (
        <Alert tone="error" className="bulk-error">
          {problem ?? describeError(bulk.error)}
        </Alert>
      ) : null}
    </section>
  );
}
