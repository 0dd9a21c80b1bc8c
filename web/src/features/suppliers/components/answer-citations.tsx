import { Link } from 'react-router';
import type { AssessmentResult } from '#shared/domain/scoring/types.js';
import { formatDate, formatScore } from '../../../lib/format.js';
import type { AnswerSource } from './answer-sources.js';

/** Where an answer came from: the questionnaire (linked to its review) and the day it was accepted. */
export function SourceLink({ source }: { source: AnswerSource }) {
  const a = source.assignment;
  return (
    <Link to={`/questionnaires/assignments/${encodeURIComponent(a.id)}`}>
      {a.templateName} v{a.templateVersion}
      {a.acceptedAt ? `, accepted ${formatDate(a.acceptedAt)}` : ''}
    </Link>
  );
}

/** “Question?” Answer — one line citing what the supplier said. */
export function AnswerCitation({ source }: { source: AnswerSource }) {
  return (
    <span className="answer-citation">
      “{source.question}” <strong>{source.answer}</strong> <span className="muted">(</span>
      <SourceLink source={source} />
      <span className="muted">)</span>
    </span>
  );
}

/**
 * The answers behind the control score and the answers' share of the confidence: each scored answer with its
 * question, what it earned, and whether its evidence was accepted.
 */
export function ScoredAnswers({
  result,
  sources,
}: {
  result: AssessmentResult;
  sources: ReadonlyMap<string, AnswerSource>;
}) {
  const lines = result.control.criteria.flatMap((c) => c.answers.map((a) => ({ criterion: c.name, a })));
  const first = sources.values().next().value;
  if (lines.length === 0 || !first) return null;
  const evidenced = lines.filter((l) => l.a.evidenceBacked).length;
  return (
    <section aria-labelledby="answers-cited-title">
      <h4 className="risk-section-title" id="answers-cited-title">
        Answers behind the control score
      </h4>
      <p className="muted">
        {lines.length} scored answer{lines.length === 1 ? '' : 's'} from <SourceLink source={first} />;{' '}
        {evidenced} with accepted evidence. Confidence in the answers:{' '}
        {formatScore(result.confidence.answers * 100)}% (evidence-backed answers count in full).
      </p>
      <ul className="cited-answers">
        {lines.map(({ criterion, a }) => {
          const s = sources.get(a.questionId);
          return (
            <li key={`${criterion}:${a.questionId}`}>
              <span className="cited-question">“{s?.question ?? a.questionId}”</span>{' '}
              <strong>{a.answerLabel}</strong>
              <span className="cell-sub muted">
                {criterion}: {formatScore(a.weightedPoints)} of {formatScore(a.maxPoints)} points
                {a.evidenceBacked ? ', evidence accepted' : ', no evidence accepted'}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
