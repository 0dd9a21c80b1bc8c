import { useEffect, useRef } from 'react';
import { Alert } from './alert.js';
import { Button } from './button.js';
import './edit-conflict-alert.css';

export interface EditConflictAlertProps {
  /** What is being edited, as the person calls it: "supplier", "policy draft". */
  noun: string;
  /** Someone else saved meanwhile (from useEditConflict): what they changed, and what both changed. */
  conflict: { theirs: string[]; collisions: string[] } | null;
  /** The person chose to keep their changes: they are back in the form, on the latest record. */
  reapplied: { collisions: string[] } | null;
  onKeepMine: () => void;
  onDiscardMine: () => void;
  /** Words for a field path ("tier" → "Tier"); the path itself by default. */
  describeField?: (path: string) => string;
}

const listOf = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * Tells a person that their edit met someone else's, and lets them keep theirs on top or drop it. The notice
 * takes the focus when it appears and when it changes: the person pressed Save at the foot of a long form
 * (the notice may be out of sight above), and the button they then press disappears with the notice.
 */
export function EditConflictAlert(props: EditConflictAlertProps) {
  const { noun, conflict, reapplied, describeField = (path) => path } = props;
  const regionRef = useRef<HTMLDivElement>(null);
  const words = (paths: string[]) => listOf([...new Set(paths.map(describeField))]);

  useEffect(() => {
    if (conflict || reapplied) regionRef.current?.focus();
  }, [conflict, reapplied]);

  let notice = null;
  if (conflict) {
    const theirs = words(conflict.theirs);
    const both = words(conflict.collisions);
    notice = (
      <Alert tone="error" title={`Someone else changed this ${noun} while you were editing it`}>
        <p>
          {theirs ? `They changed ${theirs}. ` : ''}Your changes are not saved yet.{' '}
          {both
            ? `You both changed ${both}: if you keep your changes, your value replaces theirs there.`
            : 'You changed different things, so your changes can go on top of theirs.'}
        </p>
        <div className="button-row edit-conflict-actions">
          <Button variant="primary" size="sm" onClick={props.onKeepMine}>
            Load their version and keep my changes
          </Button>
          <Button size="sm" onClick={props.onDiscardMine}>
            Discard my changes
          </Button>
        </div>
      </Alert>
    );
  } else if (reapplied) {
    const both = words(reapplied.collisions);
    notice = (
      <Alert tone="warning" title={`The latest ${noun} is loaded, with your changes on top`}>
        {both ? `Check ${both}: your value replaced theirs. ` : ''}
        Nothing is saved until you save.
      </Alert>
    );
  }
  if (!notice) return null;
  return (
    <div ref={regionRef} className="edit-conflict" tabIndex={-1}>
      {notice}
    </div>
  );
}
