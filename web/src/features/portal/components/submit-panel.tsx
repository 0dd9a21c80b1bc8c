import { useEffect, useRef } from 'react';
import type { Locale, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../components/ui/button.js';
import { QuestionLinks } from './question-links.js';

export type SubmitProblem =
  | { kind: 'missing'; message: string; questionIds: string[] }
  | { kind: 'unsaved'; questionIds: string[] }
  | { kind: 'error'; message: string };

/**
 * The end of the questionnaire: send it. When it cannot go, the reason is said at once, and each question
 * that stops it is a link that jumps to it (the summary takes the focus, so a keyboard or screen reader
 * user lands on the list).
 */
export function SubmitPanel({
  organisation,
  problem,
  busy,
  onSubmit,
  definition,
  locale,
}: {
  organisation: string;
  problem: SubmitProblem | null;
  busy: boolean;
  onSubmit: () => void;
  definition: TemplateDefinition;
  locale: Locale;
}) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  return (
    <section className="portal-submit" aria-labelledby="portal-submit-title">
      <h2 id="portal-submit-title" className="portal-submit-title">
        Send your answers
      </h2>
      <p className="muted">
        Your answers are saved as you go. When you submit, {organisation} is told they are ready for review;
        you can no longer change them unless {organisation} returns them to you.
      </p>
      {problem ? (
        <div className="portal-submit-problem" role="alert" tabIndex={-1} ref={summary}>
          {problem.kind === 'missing' ? (
            <>
              <p className="portal-submit-problem-title">{problem.message}:</p>
              <QuestionLinks
                items={problem.questionIds.map((questionId) => ({ questionId }))}
                definition={definition}
                locale={locale}
              />
            </>
          ) : problem.kind === 'unsaved' ? (
            <>
              <p className="portal-submit-problem-title">
                {problem.questionIds.length === 1
                  ? 'One answer is not saved yet'
                  : `${problem.questionIds.length} answers are not saved yet`}
                : fix or retry {problem.questionIds.length === 1 ? 'it' : 'them'} first.
              </p>
              <QuestionLinks
                items={problem.questionIds.map((questionId) => ({ questionId }))}
                definition={definition}
                locale={locale}
              />
            </>
          ) : (
            <p className="portal-submit-problem-title">{problem.message}</p>
          )}
        </div>
      ) : null}
      <Button variant="primary" className="portal-submit-button" busy={busy} onClick={onSubmit}>
        Submit answers
      </Button>
    </section>
  );
}
