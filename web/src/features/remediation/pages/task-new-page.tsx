import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSupplierFindings } from '../../questionnaires/review/review-api.js';
import { TaskCreateForm } from '../components/task-create-form.js';
import '../remediation.css';

/**
 * `/remediation/new`: a task by hand, or from a finding (`?supplierId=…&findingId=…`, the supplier page's
 * "Create task" on each open finding). After creating, the new task's page opens.
 */
export function TaskNewPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const supplierId = params.get('supplierId') ?? undefined;
  const findingId = params.get('findingId') ?? undefined;
  const findings = useSupplierFindings(supplierId ?? '', Boolean(findingId && supplierId));
  const back = supplierId ? `/suppliers/${supplierId}` : '/remediation';

  let body: ReactNode;
  if (findingId && !supplierId) {
    body = (
      <Alert tone="error" title="This link is incomplete">
        Open “Create task” again from the finding on its supplier’s page.
      </Alert>
    );
  } else if (findingId && findings.isError) {
    body = (
      <Alert tone="error" title="The finding could not be loaded">
        {describeError(findings.error)} <Link to={back}>Back</Link>
      </Alert>
    );
  } else if (findingId && !findings.data) {
    body = (
      <p className="loading-text" role="status">
        Loading the finding…
      </p>
    );
  } else {
    const finding = findingId ? findings.data?.find((f) => f.id === findingId) : undefined;
    body =
      findingId && !finding ? (
        <Alert tone="warning" title="This finding is no longer open">
          It may have been closed or turned into a task already. <Link to={back}>Back to the supplier</Link>
        </Alert>
      ) : (
        <section className="panel">
          <TaskCreateForm
            finding={finding}
            supplierId={supplierId}
            onCreated={(task) => navigate(`/remediation/${task.id}`, { state: { notice: 'Task created.' } })}
            onCancel={() => navigate(back)}
          />
        </section>
      );
  }

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/remediation">Remediation</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">New task</span>
      </nav>
      <PageHeader
        title="New remediation task"
        description="A corrective action, owned by someone and due by a day, driven to a verified close."
      />
      {body}
    </>
  );
}
