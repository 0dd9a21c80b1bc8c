import { type ReactNode, useId } from 'react';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import { portalText } from './portal-text.js';

export interface FrameIds {
  /** The control's id (single controls) — its <label> points here. */
  control: string;
  /** Help, hints and error, for aria-describedby. */
  describedBy: string | undefined;
  invalid: boolean | undefined;
}

export interface QuestionFrameProps {
  /** Groups of radios or checkboxes are a fieldset named by its legend; single controls get a label. */
  group: boolean;
  label: string;
  help?: string | undefined;
  hint?: string | null | undefined;
  required: boolean;
  evidenceRequested: boolean;
  error?: string | undefined;
  locale: Locale;
  anchorId?: string | undefined;
  /** Shown under the label, above the control (the portal: the officer's comment on this question). */
  before?: ReactNode;
  /** Shown under the control (the portal: save state, evidence upload). */
  after?: ReactNode;
  children: (ids: FrameIds) => ReactNode;
}

/** A question's label (or legend), help, hint and error, tied to its control for assistive technology. */
export function QuestionFrame(props: QuestionFrameProps) {
  const { group, label, help, hint, required, evidenceRequested, error, locale } = props;
  const id = useId();
  const text = portalText(locale);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [help || hint || evidenceRequested ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  const ids: FrameIds = { control: `${id}-control`, describedBy, invalid: error ? true : undefined };
  const title = (
    <>
      <span className="answer-label-text">{label}</span>{' '}
      <span className={required ? 'answer-required' : 'answer-optional'}>
        {required ? text.required : text.optional}
      </span>
    </>
  );
  const notes =
    help || hint || evidenceRequested ? (
      <div className="answer-help" id={helpId}>
        {help ? <p>{help}</p> : null}
        {hint ? <p>{hint}</p> : null}
        {evidenceRequested ? <p>{text.evidenceRequested}</p> : null}
      </div>
    ) : null;
  const errorText = error ? (
    <p className="field-error" id={errorId}>
      {error}
    </p>
  ) : null;
  const className = ['answer', error ? 'field-invalid' : ''].filter(Boolean).join(' ');
  if (group) {
    return (
      <fieldset className={className} id={props.anchorId} aria-describedby={describedBy}>
        <legend className="answer-label">{title}</legend>
        {props.before}
        {notes}
        {props.children(ids)}
        {errorText}
        {props.after}
      </fieldset>
    );
  }
  return (
    <div className={className} id={props.anchorId}>
      <label className="answer-label" htmlFor={ids.control}>
        {title}
      </label>
      {props.before}
      {notes}
      {props.children(ids)}
      {errorText}
      {props.after}
    </div>
  );
}
