import { useState } from 'react';
import type { Assignment } from '#shared/schemas/assignments.js';
import { Button } from '../../../components/ui/button.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { describeError } from '../../../lib/form-errors.js';
import { useStopRecurrence } from '../assignments-api.js';

/**
 * "Stop repeating", confirmed first: the questionnaire is not sent again. Offered only on the newest of a
 * series (an earlier one was already re-sent, and the newest carries the recurrence on).
 */
export function StopRecurrenceButton({ assignment: a }: { assignment: Assignment }) {
  const [confirming, setConfirming] = useState(false);
  const stop = useStopRecurrence();
  if (!a.recurrence || a.nextId) return null;
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          stop.reset();
          setConfirming(true);
        }}
      >
        Stop repeating
      </Button>
      {confirming ? (
        <ConfirmDialog
          title={`Stop sending “${a.templateName}” to ${a.supplierName} again?`}
          confirmLabel="Stop repeating"
          busy={stop.isPending}
          error={stop.isError ? describeError(stop.error) : null}
          onConfirm={() =>
            stop.mutate({ id: a.id, revision: a.revision }, { onSuccess: () => setConfirming(false) })
          }
          onCancel={() => setConfirming(false)}
        >
          <p>
            It will not be sent again automatically. This questionnaire, its link and its answers stay as they
            are; you can still send a new one by hand.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
