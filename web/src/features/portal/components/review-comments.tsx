import type { Locale, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { portalWords } from '../lib/portal-words.js';
import { QuestionLinks } from './question-links.js';

/** A returned questionnaire: what the officer asked, at the top, each linked to its question. */
export function ReviewSummary({
  organisation,
  comments,
  definition,
  locale,
}: {
  organisation: string;
  comments: Record<string, string>;
  definition: TemplateDefinition;
  locale: Locale;
}) {
  const entries = Object.entries(comments);
  const w = portalWords(locale);
  if (entries.length === 0) return null;
  return (
    <section className="portal-review" aria-labelledby="portal-review-title">
      <h2 id="portal-review-title" className="portal-review-title">
        {w.returned(organisation, entries.length)}
      </h2>
      <p>{w.returnedHelp(entries.length)}</p>
      <QuestionLinks
        items={entries.map(([questionId, note]) => ({ questionId, note }))}
        definition={definition}
        locale={locale}
      />
    </section>
  );
}

/** The officer's comment at its question. */
export function ReviewComment({
  organisation,
  text,
  locale,
}: {
  organisation: string;
  text: string;
  locale: Locale;
}) {
  return (
    <div className="portal-comment">
      <p className="portal-comment-title">{portalWords(locale).commentFrom(organisation)}</p>
      <p className="portal-comment-text">{text}</p>
    </div>
  );
}
