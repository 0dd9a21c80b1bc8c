import type { Locale, TemplateDefinition } from '#shared/schemas/questionnaires.js';
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
  if (entries.length === 0) return null;
  return (
    <section className="portal-review" aria-labelledby="portal-review-title">
      <h2 id="portal-review-title" className="portal-review-title">
        {organisation} returned your answers with{' '}
        {entries.length === 1 ? 'a comment' : `${entries.length} comments`}
      </h2>
      <p>Please look at {entries.length === 1 ? 'it' : 'each'}, change what is needed, and submit again.</p>
      <QuestionLinks
        items={entries.map(([questionId, note]) => ({ questionId, note }))}
        definition={definition}
        locale={locale}
      />
    </section>
  );
}

/** The officer's comment at its question. */
export function ReviewComment({ organisation, text }: { organisation: string; text: string }) {
  return (
    <div className="portal-comment">
      <p className="portal-comment-title">Comment from {organisation}</p>
      <p className="portal-comment-text">{text}</p>
    </div>
  );
}
