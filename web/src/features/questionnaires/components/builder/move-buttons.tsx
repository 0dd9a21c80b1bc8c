import { Button } from '../../../../components/ui/button.js';

/** Up, down and remove for one item of a list; `what` names it for screen readers ("question 3"). */
export function MoveButtons(props: {
  what: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove?: (() => void) | undefined;
  removeDisabled?: boolean;
}) {
  const { what, index, count, onMove } = props;
  return (
    <span className="move-buttons">
      <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
        <span aria-hidden="true">↑</span>
        <span className="visually-hidden">Move {what} up</span>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        <span aria-hidden="true">↓</span>
        <span className="visually-hidden">Move {what} down</span>
      </Button>
      {props.onRemove ? (
        <Button size="sm" variant="ghost" disabled={props.removeDisabled} onClick={props.onRemove}>
          Remove<span className="visually-hidden"> {what}</span>
        </Button>
      ) : null}
    </span>
  );
}
