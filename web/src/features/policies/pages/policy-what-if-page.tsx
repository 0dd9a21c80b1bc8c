import { useEffect } from 'react';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { useWhatIf } from '../api.js';
import { WhatIfResult } from '../components/what-if-result.js';
import { usePolicyContext } from './policy-layout.js';

/** Scores the whole portfolio under this policy next to the one in use, on demand; nothing is saved. */
export function PolicyWhatIfPage() {
  const { policy, published } = usePolicyContext();
  const whatIf = useWhatIf(policy.id);
  const { reset } = whatIf;
  // Publishing changes what "now" is: a result computed before it compares with the wrong version.
  useEffect(() => {
    if (policy.status) reset();
  }, [policy.status, reset]);
  const isPublished = policy.status === 'published';
  const result = whatIf.data;
  const beforeLabel = result?.comparedWith ? `Version ${result.comparedWith.version} (in use)` : 'Now';
  const bandsChanged =
    Boolean(result?.comparedWith) &&
    published !== undefined &&
    JSON.stringify(published.document.ratingBands) !== JSON.stringify(policy.document.ratingBands);

  return (
    <section className="section-tab what-if" aria-labelledby="what-if-title">
      <h2 className="section-title" id="what-if-title">
        What would change for your suppliers?
      </h2>
      <p className="section-lead">
        {isPublished
          ? 'This is the policy in use: the what-if shows how the portfolio scores under it today.'
          : published
            ? `Scores every current supplier under this policy and under version ${published.version} (in use), from the same data, and shows what would move.`
            : 'Scores every current supplier under this policy.'}
      </p>
      <div className="what-if-actions">
        <Button variant="primary" busy={whatIf.isPending} onClick={() => whatIf.mutate()}>
          {result ? 'Run again' : 'Run what-if'}
        </Button>
        <p className="muted what-if-note">
          <strong>Nothing is saved:</strong> no assessment changes and nothing is recorded.
        </p>
      </div>
      {whatIf.isPending ? (
        <p className="loading-text what-if-running" role="status">
          <span className="spinner" aria-hidden="true" /> Scoring every supplier twice. On a large portfolio
          this takes a few seconds…
        </p>
      ) : null}
      {whatIf.isError ? (
        <Alert tone="error" title="The what-if could not be run">
          {describeError(whatIf.error)}
        </Alert>
      ) : null}
      {result && !whatIf.isPending ? (
        <WhatIfResult result={result} beforeLabel={beforeLabel} bandsChanged={bandsChanged} />
      ) : null}
    </section>
  );
}
