import type { ReactNode } from 'react';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import { formatPercent, formatScore } from '../../../lib/format.js';
import { PolicyDatasetsView } from '../../datasets/components/policy-datasets-view.js';
import { RatingBadge } from '../../suppliers/components/rating-badge.js';
import { RATING_LABELS } from '../../suppliers/labels.js';
import { describeSpan, ratingSpans } from '../lib/bands.js';
import { describeAnswerValidity, describeSchedule } from '../lib/questionnaire-settings.js';
import { CriteriaView, RedFlagsView } from './criteria-view.js';
import { InherentFactorsView } from './inherent-factors-view.js';
import { Methodology } from './methodology.js';
import { RatingBandsBar } from './rating-bands-bar.js';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section policy-section" aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A policy document laid out for people: every number the engine uses, with the source behind it. */
export function PolicyDocumentView({ doc }: { doc: PolicyDocument }) {
  const { maxReduction } = doc.residual;
  const { selfDeclared, evidenceBacked } = doc.evidenceWeighting;
  return (
    <div className="policy-document">
      {doc.description ? <p className="policy-description">{doc.description}</p> : null}

      <Section id="policy-ratings" title="Rating bands">
        <p className="section-lead">
          The rating is the band the residual risk falls in, raised by any red flag the supplier's answers
          raise.
        </p>
        <RatingBandsBar bands={doc.ratingBands} />
        <ul className="band-legend">
          {ratingSpans(doc.ratingBands).map((span) => (
            <li key={span.rating}>
              <RatingBadge rating={span.rating} /> <span className="muted">{describeSpan(span)}</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="policy-inherent" title="Inherent risk (0–100)">
        <InherentFactorsView doc={doc} />
      </Section>

      <Section id="policy-criteria" title="Control effectiveness (0–100)">
        <CriteriaView criteria={doc.criteria} />
      </Section>

      <Section id="policy-red-flags" title="Red flags">
        <p className="section-lead">
          An accepted answer that raises a red flag sets a floor under the rating, whatever the scores say.
        </p>
        <RedFlagsView redFlags={doc.redFlags} />
      </Section>

      <Section id="policy-parameters" title="Residual risk, evidence and confidence">
        <dl className="details parameter-list">
          <dt>Residual risk</dt>
          <dd>
            <code className="formula">
              inherent × (1 − {formatScore(maxReduction)} × control effectiveness / 100)
            </code>
            <span className="cell-sub muted">
              Controls reduce inherent risk by at most {formatPercent(maxReduction * 100)}: even perfect,
              evidenced answers leave the risk of the country and the sector.
            </span>
          </dd>
          <dt>Evidence weighting</dt>
          <dd>
            An answer backed by accepted evidence earns {formatPercent(evidenceBacked * 100)} of its points; a
            self-declared answer earns {formatPercent(selfDeclared * 100)}.
          </dd>
          <dt>Confidence</dt>
          <dd>
            <code className="formula">
              {formatScore(doc.confidence.referenceDataWeight)} × reference-data coverage +{' '}
              {formatScore(doc.confidence.answersWeight)} × answer coverage
            </code>
          </dd>
          <dt>Unknown data</dt>
          <dd>
            {doc.unknownData ? (
              <>
                Never rated below <strong>{doc.unknownData.minRating}</strong> when the published country data
                (TIP tier and GSI measures) is known for less than{' '}
                {formatPercent(doc.unknownData.minCountryCoverage * 100)} of its points; shown as "
                {RATING_LABELS[doc.unknownData.minRating]} · insufficient data".
              </>
            ) : (
              'No rating floor: unknown data counts only through its unknown points.'
            )}
          </dd>
          <dt>Reassessment</dt>
          <dd>
            Every {doc.reassessmentMonths} {doc.reassessmentMonths === 1 ? 'month' : 'months'}
          </dd>
          <dt>Answer validity</dt>
          <dd>{describeAnswerValidity(doc.answerValidityMonths)}</dd>
          <dt>Reminders</dt>
          <dd>{describeSchedule(doc.questionnaireSchedule)}</dd>
        </dl>
      </Section>

      <Section id="policy-datasets" title="Dataset editions">
        <PolicyDatasetsView pins={doc.datasets} />
      </Section>

      <Section id="policy-methodology" title="Methodology">
        <Methodology doc={doc} />
      </Section>
    </div>
  );
}
