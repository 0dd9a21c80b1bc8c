import { useState } from 'react';
import {
  Link,
  NavLink,
  Outlet,
  useMatch,
  useNavigate,
  useOutletContext,
  useParams,
  useSearchParams,
} from 'react-router';
import type { Policy } from '#shared/schemas/policy.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate } from '../../../lib/format.js';
import { canManagePolicies, canRunWhatIf } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { usePolicies, usePolicy } from '../api.js';
import { CreateDraftPanel } from '../components/create-draft-panel.js';
import { DeleteDraftDialog } from '../components/delete-draft-dialog.js';
import { PolicyStatusBadge } from '../components/policy-status-badge.js';
import { PublishDialog } from '../components/publish-dialog.js';
import { PublishRequestPanel } from '../components/publish-request-panel.js';
import { RescoreProgress } from '../components/rescore-progress.js';
import { nextVersion } from '../lib/policy-title.js';
import { usePublishApproval, usePublishRequests } from '../publish-requests-api.js';
import '../policies.css';

export interface PolicyContext {
  policy: Policy;
  /** Every policy of the organisation (for the published one and the one a draft was copied from). */
  policies: readonly Policy[];
  published: Policy | undefined;
  canManage: boolean;
}

export const usePolicyContext = () => useOutletContext<PolicyContext>();

/** What a policy is compared with: a draft with the policy in use, a version with the one it was copied from. */
export const comparisonOf = ({ policy, policies, published }: PolicyContext): Policy | undefined =>
  policy.status === 'draft' && published
    ? published
    : policies.find((p) => p.id === policy.basedOnId && p.id !== policy.id);

const subtitle = (policy: Policy, policies: readonly Policy[]) => {
  if (policy.status === 'draft') {
    const base = policies.find((p) => p.id === policy.basedOnId);
    const from = base ? ` from ${base.version === null ? `“${base.name}”` : `version ${base.version}`}` : '';
    return `Draft copied${from} on ${formatDate(policy.createdAt)}. Not used for scoring until it is published.`;
  }
  const when = policy.publishedAt ? `, published ${formatDate(policy.publishedAt)}` : '';
  return policy.status === 'published'
    ? `Version ${policy.version}${when}. Every supplier is scored under it.`
    : `Version ${policy.version}${when}. Retired: kept so older assessments can be reproduced.`;
};

const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab tab-active' : 'tab');

/**
 * One policy. Keyed by its id: the route stays mounted when it moves to another policy (a draft just made
 * from this one, a link to the version it was copied from), and panels and dialogs opened for one policy
 * must not stay open, pre-filled, on the next.
 */
export function PolicyLayout() {
  const { id } = useParams();
  return <PolicyView key={id} id={id} />;
}

/** One policy: header, actions by role and status, tabs (document, changes, what-if, edit) and the rescore. */
function PolicyView({ id }: { id: string | undefined }) {
  const session = useCurrentSession();
  const canManage = canManagePolicies(session.role);
  const policy = usePolicy(id);
  const policies = usePolicies();
  const [searchParams, setSearchParams] = useSearchParams();
  const jobId = searchParams.get('job');
  const [publishing, setPublishing] = useState(false);
  const [copying, setCopying] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  const [requesting, setRequesting] = useState(false);
  const approval = usePublishApproval();
  const pendingRequests = usePublishRequests({ policyId: id ?? '', status: 'pending' });
  const editing = useMatch('/policies/:id/edit') !== null;

  if (policy.isError) {
    return (
      <>
        <PageHeader title="Scoring policy" />
        <Alert tone="error" title="This policy could not be loaded">
          {describeError(policy.error)} <Link to="/policies">Back to the policies</Link>
        </Alert>
      </>
    );
  }
  if (!policy.data || !policies.data) {
    return (
      <p className="loading-text" role="status">
        Loading the policy…
      </p>
    );
  }

  const current = policy.data;
  const all = policies.data;
  const published = all.find((p) => p.status === 'published');
  const context: PolicyContext = { policy: current, policies: all, published, canManage };
  const comparison = comparisonOf(context);
  const isDraft = current.status === 'draft';
  const base = `/policies/${current.id}`;
  const pending = isDraft ? pendingRequests.data?.[0] : undefined;
  // Until the rule is known the direct button shows: the server refuses it (422) when approval is required.
  const needsApproval = approval.data?.required === true;
  const showPublished = (job: string) => setSearchParams({ job });

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={jobId ? `/policies?job=${encodeURIComponent(jobId)}` : '/policies'}>Scoring policy</Link>
      </nav>
      <PageHeader
        title={current.name}
        description={
          <>
            <PolicyStatusBadge status={current.status} /> {subtitle(current, all)}
          </>
        }
        actions={
          canManage ? (
            isDraft ? (
              editing || pending ? null : (
                <>
                  {needsApproval ? (
                    <Button variant="primary" onClick={() => setRequesting(true)}>
                      Request approval…
                    </Button>
                  ) : (
                    <Button variant="primary" onClick={() => setPublishing(true)}>
                      Publish…
                    </Button>
                  )}
                  <Button variant="danger" onClick={() => setDeleting(true)}>
                    Delete draft…
                  </Button>
                </>
              )
            ) : (
              <Button onClick={() => setCopying(true)}>Make a draft copy</Button>
            )
          ) : null
        }
      />
      {jobId ? (
        <RescoreProgress
          jobId={jobId}
          onDismiss={() =>
            setSearchParams((params) => {
              params.delete('job');
              return params;
            })
          }
        />
      ) : null}
      {isDraft ? (
        <PublishRequestPanel
          draft={current}
          pending={pending}
          canManage={canManage}
          userId={session.user.id}
          requesting={requesting}
          onCloseRequest={() => setRequesting(false)}
          onPublished={showPublished}
        />
      ) : null}
      {isDraft && canManage && approval.data && !approval.data.required && !editing ? (
        <p className="muted publish-approval-note">
          Publishing needs no second approval here. {approval.data.reason}
        </p>
      ) : null}
      {copying ? <CreateDraftPanel base={current} onClose={() => setCopying(false)} /> : null}
      <nav className="tabs" aria-label="Policy">
        <NavLink to={base} end className={tabClass}>
          Document
        </NavLink>
        {comparison ? (
          <NavLink to={`${base}/changes`} className={tabClass}>
            Changes from {comparison.version === null ? 'its source' : `version ${comparison.version}`}
          </NavLink>
        ) : null}
        {canRunWhatIf(session.role) ? (
          <NavLink to={`${base}/what-if`} className={tabClass}>
            What-if
          </NavLink>
        ) : null}
        {canManage && isDraft && !pending ? (
          <NavLink to={`${base}/edit`} className={tabClass}>
            Edit
          </NavLink>
        ) : null}
      </nav>
      <Outlet context={context} />
      {publishing ? (
        <PublishDialog
          draft={current}
          published={published}
          version={nextVersion(all)}
          onPublished={(job) => {
            setPublishing(false);
            setSearchParams({ job });
          }}
          onCancel={() => setPublishing(false)}
        />
      ) : null}
      {deleting ? (
        <DeleteDraftDialog
          draft={current}
          onDeleted={() => navigate('/policies', { replace: true })}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
    </>
  );
}
