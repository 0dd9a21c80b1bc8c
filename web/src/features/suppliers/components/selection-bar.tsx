import { Button } from '../../../components/ui/button.js';

/** How many suppliers are chosen (across pages and filters) and what can be done with them. */
export function SelectionBar({
  count,
  onSend,
  onClear,
}: {
  count: number;
  onSend: () => void;
  onClear: () => void;
}) {
  return (
    <div className={count > 0 ? 'selection-bar selection-bar-active' : 'selection-bar'}>
      <p className="selection-count" aria-live="polite">
        {count === 0
          ? 'Tick suppliers to send them a questionnaire.'
          : `${count} ${count === 1 ? 'supplier' : 'suppliers'} selected`}
      </p>
      {count > 0 ? (
        <>
          <Button variant="primary" size="sm" onClick={onSend}>
            Send questionnaire
          </Button>
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear selection
          </Button>
        </>
      ) : null}
    </div>
  );
}
