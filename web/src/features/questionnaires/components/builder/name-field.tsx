import { useId, useState } from 'react';
import { Button } from '../../../../components/ui/button.js';
import { isApiError } from '../../../../lib/api-client.js';
import { describeError } from '../../../../lib/form-errors.js';

/**
 * The draft's name (for the team; suppliers see the title), renamed on its own: `onRename` saves it with the
 * builder's revision, so a rename and a definition save never overwrite each other unseen.
 */
export function NameField({
  name,
  onRename,
}: {
  name: string;
  onRename: (name: string) => Promise<unknown>;
}) {
  const id = useId();
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      await onRename(value);
    } catch (e) {
      setError(isApiError(e) && e.issues[0] ? e.issues[0].message : describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={error ? 'field field-invalid tpl-name' : 'field tpl-name'}>
      <label className="field-label" htmlFor={id}>
        Template name
      </label>
      <div className="tpl-name-row">
        <input
          id={id}
          className="input"
          value={value}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <Button size="sm" onClick={submit} busy={busy} disabled={value.trim() === name || !value.trim()}>
          Rename
        </Button>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
