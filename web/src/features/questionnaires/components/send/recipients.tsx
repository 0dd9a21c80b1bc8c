/** A supplier as the send form needs it: who, by name. */
export interface SupplierRef {
  id: string;
  name: string;
}

const SHOWN = 6;

/** Who the questionnaire goes to; a long list folds away behind a summary. */
export function Recipients({
  suppliers,
  error,
}: {
  suppliers: readonly SupplierRef[];
  error?: string | undefined;
}) {
  const names = suppliers.map((s) => s.name);
  const rest = names.length - SHOWN;
  return (
    <div className={error ? 'send-recipients field-invalid' : 'send-recipients'}>
      <p className="field-label">To</p>
      <p className="send-recipient-names">
        {names.length === 0
          ? 'No supplier selected: tick one or more in the list.'
          : names.length === 1
            ? names[0]
            : `${names.length} suppliers: ${names.slice(0, SHOWN).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`}
      </p>
      {rest > 0 ? (
        <details className="send-recipient-all">
          <summary>Show all {names.length}</summary>
          <ul>
            {suppliers.map((s) => (
              <li key={s.id}>{s.name}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
