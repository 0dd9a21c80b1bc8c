import { ROLE_LABELS } from '#shared/roles.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { canManageSuppliers } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useShownRescore } from '../../jobs/api.js';
import { usePublishedPolicy } from '../../policies/api.js';
import { RescoreProgress } from '../../policies/components/rescore-progress.js';
import { useAnswerCoverage } from '../../questionnaires/assignments-api.js';
import { useReferenceOverview } from '../../reference/api.js';
import { useSupplierCounts } from '../../suppliers/api.js';
import { AssessmentCoverage } from '../components/assessment-coverage.js';
import { EmptyRegister } from '../components/empty-register.js';
import { GettingStarted } from '../components/getting-started.js';
import { HighestRisk } from '../components/highest-risk.js';
import { PortfolioRisk } from '../components/portfolio-risk.js';
import { ScoringBasis } from '../components/scoring-basis.js';
import { type BandCount, PORTFOLIO_BANDS } from '../lib/portfolio.js';
import '../overview.css';

/** Used when no policy is published (then nothing can be scored, but the question still makes sense). */
const DEFAULT_REASSESSMENT_MONTHS = 12;
const BAND_FILTERS = PORTFOLIO_BANDS.map((band) => ({ rating: band }));

/** The portfolio at a glance, for executives first: every figure is a count from the register, with a link. */
export function OverviewPage() {
  const session = useCurrentSession();
  const firstName = session.user.name.split(/\s+/)[0] ?? session.user.name;
  const canManage = canManageSuppliers(session.role);
  // A rescore going on (after a policy was published) changes every figure here: show its progress.
  const rescore = useShownRescore(null);

  const bands = useSupplierCounts(BAND_FILTERS);
  const policy = usePublishedPolicy();
  const reference = useReferenceOverview();
  const months = policy.data?.document.reassessmentMonths ?? DEFAULT_REASSESSMENT_MONTHS;
  // Wait for the policy so the count is taken over its interval, not first over the default.
  const overdue = useSupplierCounts([{ assessedBeforeMonths: months }], !policy.isPending);
  const answers = useAnswerCoverage();

  const counts: BandCount[] | undefined = bands.counts.every((count) => count !== undefined)
    ? PORTFOLIO_BANDS.map((band, index) => ({ band, count: bands.counts[index] ?? 0 }))
    : undefined;
  const total = counts?.reduce((sum, c) => sum + c.count, 0);
  const neverAssessed = counts?.find((c) => c.band === 'none')?.count ?? 0;

  const basis = (
    <ScoringBasis
      policy={{ data: policy.data, isPending: policy.isPending, error: policy.error }}
      datasets={{ data: reference.data?.datasets, isPending: reference.isPending, error: reference.error }}
    />
  );

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <span className="screen-only">
            Welcome, {firstName}. You are signed in to {session.org.name} as {ROLE_LABELS[session.role]}.
          </span>
        }
      />
      {rescore.jobId ? <RescoreProgress jobId={rescore.jobId} onDismiss={rescore.dismiss} /> : null}
      {bands.error ? (
        <Alert tone="error" title="The portfolio could not be loaded">
          {describeError(bands.error)}{' '}
          <Button size="sm" onClick={() => bands.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !counts || total === undefined ? (
        <p className="loading-text" role="status">
          Loading the portfolio…
        </p>
      ) : total === 0 ? (
        <>
          <EmptyRegister canManage={canManage} orgName={session.org.name} />
          <div className="overview-below-empty">{basis}</div>
          <GettingStarted role={session.role} />
        </>
      ) : (
        <>
          <PortfolioRisk counts={counts} />
          <div className="overview-grid">
            <AssessmentCoverage
              total={total}
              neverAssessed={neverAssessed}
              overdue={overdue.error ? null : overdue.counts[0]}
              months={months}
              monthsFromPolicy={policy.data !== undefined}
              answers={answers.error ? null : answers.data}
            />
            {basis}
          </div>
          <HighestRisk />
        </>
      )}
    </>
  );
}
