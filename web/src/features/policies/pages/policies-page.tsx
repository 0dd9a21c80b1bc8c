import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Policy } from '#shared/schemas/policy.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate } from '../../../lib/format.js';
import { canManagePolicies, canRunWhatIf } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useShownRescore } from '../../jobs/api.js';
import { usePolicies } from '../api.js';
import { CreateDraftPanel } from '../components/create-draft-panel.js';
import { DraftsTable, RetiredTable } from '../components/policy-lists.js';
import { PolicyStatusBadge } from '../components/policy-status-badge.js';
import { PublishApprovalRule } from '../components/publish-approval-rule.js';
import { RescoreProgress } from '../components/rescore-progress.js';
import { usePublishRequests } from '../publish-requests-api.js';
import '../policies.css';

function PublishedCard({
  policy,
  canManage,
  onCopy,
}: {
  policy: Policy;
  canManage: boolean;
  onCopy: () => void;
}) {
  const { criteria, redFlags, ratingBands, reassessmentMonths } = policy.document;
  return (
    <section className="panel published-card" aria-labelledby="published-title">
      <div className="published-head">
        <div>
          <p className="eyebrow">
            <PolicyStatusBadge status="published" /> Version {policy.version}
            {policy.publishedAt ? `, published ${formatDate(policy.publishedAt)}` : null}
          </p>
          <h2 className="panel-title" id="published-title">
            <Link to={`/policies/${policy.id}`}>{policy.name}</Link>
          </h2>
        </div>
        <div className="button-row">
          <Link className="btn btn-secondary" to={`/policies/${policy.id}`}>
            View the policy
          </Link>
          {canManage ? (
            <Button variant="primary" onClick={onCopy}>
              Make a draft copy
            </Button>
          ) : null}
        </div>
      </div>
      {policy.document.description ? <p className="muted">{policy.document.description}</p> : null}
      <dl className="details details-compact">
        <dt>Criteria</dt>
        <dd>{criteria.length}</dd>
        <dt>Red flags</dt>
        <dd>{redFlags.length}</dd>
        <dt>Rating bands</dt>
        <dd>
          medium from {ratingBands.medium}, high from {ratingBands.high}, critical from {ratingBands.critical}
        </dd>
        <dt>Reassessment</dt>
        <dd>every {reassessmentMonths} months</dd>
      </dl>
    </section>
  );
}

/** The organisation's scoring policies: the one in use, drafts being prepared, and retired versions. */
export function PoliciesPage() {
  const session = useCurrentSession();
  const canManage = canManagePolicies(session.role);
  const policies = usePolicies();
  const [searchParams, setSearchParams] = useSearchParams();
  const { jobId, dismiss } = useShownRescore(searchParams.get('job'));
  const [copying, setCopying] = useState<Policy | null>(null);
  const pending = usePublishRequests({ status: 'pending' });
  const awaitingApproval = new Set(pending.data?.map((r) => r.policyId));

  const all = policies.data ?? [];
  const published = all.find((p) => p.status === 'published');
  const drafts = all.filter((p) => p.status === 'draft');
  const retired = all
    .filter((p) => p.status === 'retired')
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0));

  return (
    <>
      <PageHeader
        title="Scoring policy"
        description="The rules that turn published risk data and questionnaire answers into each supplier's rating. One version is in use at a time; a draft can be compared and tried on the whole portfolio before it is published."
      />
      {jobId ? (
        <RescoreProgress
          jobId={jobId}
          onDismiss={() => {
            dismiss();
            setSearchParams((params) => {
              params.delete('job');
              return params;
            });
          }}
        />
      ) : null}
      {copying ? <CreateDraftPanel base={copying} onClose={() => setCopying(null)} /> : null}
      {policies.isError ? (
        <Alert tone="error" title="The policies could not be loaded">
          {describeError(policies.error)}{' '}
          <Button size="sm" onClick={() => policies.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : policies.isPending ? (
        <p className="loading-text" role="status">
          Loading policies…
        </p>
      ) : (
        <>
          {published ? (
            <PublishedCard policy={published} canManage={canManage} onCopy={() => setCopying(published)} />
          ) : (
            <EmptyState title="No policy is in use">
              <p>Suppliers cannot be scored until a policy is published.</p>
            </EmptyState>
          )}
          <section className="section" aria-labelledby="drafts-title">
            <h2 className="section-title" id="drafts-title">
              Drafts
            </h2>
            {drafts.length > 0 ? (
              <DraftsTable
                drafts={drafts}
                all={all}
                canManage={canManage}
                canWhatIf={canRunWhatIf(session.role)}
                awaitingApproval={awaitingApproval}
              />
            ) : (
              <p className="muted">
                No drafts.{' '}
                {canManage
                  ? 'Make a draft copy of the policy in use to change its numbers.'
                  : 'Administrators prepare new versions as drafts.'}
              </p>
            )}
          </section>
          {retired.length > 0 ? (
            <section className="section" aria-labelledby="retired-title">
              <h2 className="section-title" id="retired-title">
                Retired versions
              </h2>
              <RetiredTable retired={retired} canManage={canManage} onCopy={setCopying} />
            </section>
          ) : null}
          <PublishApprovalRule canManage={canManage} />
        </>
      )}
    </>
  );
}
