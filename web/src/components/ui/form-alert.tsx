/**
 * The form-level error region. It is always in the page (empty when there is nothing to say), because a
 * live region that appears together with its text is not reliably announced by screen readers.
 */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return (
    <div role="alert" aria-atomic="true" className={message ? 'alert alert-error' : 'form-alert-empty'}>
      {message ?? null}
    </div>
  );
}
