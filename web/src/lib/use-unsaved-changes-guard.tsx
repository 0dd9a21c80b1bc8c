import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../components/ui/confirm-dialog.js';

/** Warns before leaving the page with unsaved edits: in the app (router blocker) and when closing the tab. */
export function useUnsavedChangesGuard(dirty: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return blocker;
}

/** The question the guard asks when the person navigates away inside the app; `what` is "this draft". */
export function LeaveWithoutSavingDialog({
  blocker,
  what,
}: {
  blocker: ReturnType<typeof useUnsavedChangesGuard>;
  what: string;
}) {
  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      title="Leave without saving?"
      confirmLabel="Leave and discard"
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    >
      <p>Your changes to {what} have not been saved. If you leave now, they are lost.</p>
    </ConfirmDialog>
  );
}
