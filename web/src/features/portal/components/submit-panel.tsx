import { useEffect, useRef } from 'react';
import type { Locale, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../components/ui/button.js';
import { portalWords } from '../lib/portal-words.js';
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
  const w = portalWords(locale);
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  return (
    <section className="portal-submit" aria-labelledby="portal-submit-title">
      <h2 id="portal-submit-title" className="portal-submit-title">
        {w.sendTitle}
      </h2>
      <p className="muted">{w.sendHelp(organisation)}</p>
      {problem ? (
        <div className="portal-submit-problem" role="alert" tabIndex={-1} ref={summary}>
          {problem.kind === 'missing' ? (
            <>
              <p className="portal-submit-problem-title">{w.missing(problem.questionIds.length)}:</p>
              <QuestionLinks
                items={problem.questionIds.map((questionId) => ({ questionId }))}
                definition={definition}
                locale={locale}
              />
            </>
          ) : problem.kind === 'unsaved' ? (
            <>
              <p className="portal-submit-problem-title">{w.notSavedYet(problem.questionIds.length)}</p>
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
        {w.submit}
      </Button>
    </section>
  );
}
