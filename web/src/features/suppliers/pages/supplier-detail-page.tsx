import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { countryName } from '#shared/countries.js';
import { Alert } from '../../../components/ui/alert.js';
import { Badge } from '../../../components/ui/badge.js';
import { Button } from '../../../components/ui/button.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate, formatScore } from '../../../lib/format.js';
import { canIssueReports, canManageSuppliers, canSendQuestionnaires } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { SupplierQuestionnaires } from '../../questionnaires/components/assignments/supplier-questionnaires.js';
import { SendQuestionnairePanel } from '../../questionnaires/components/send/send-questionnaire-panel.js';
import { SupplierTasks } from '../../remediation/components/supplier-tasks.js';
import { SupplierReportButton } from '../../reports/components/supplier-report-button.js';
import {
  useArchiveSupplier,
  useAssessSupplier,
  useRestoreSupplier,
  useSupplier,
  useSupplierAssessments,
} from '../api.js';
import { AssessmentHistory } from '../components/assessment-history.js';
import { ChainRisk } from '../components/chain-risk.js';
import { CitedRiskPanel } from '../components/cited-risk-panel.js';
import { SupplierFindings } from '../components/supplier-findings.js';
import { SupplierProfile } from '../components/supplier-profile.js';
import { SupplierTree } from '../components/supplier-tree.js';
import { RATING_LABELS, STATUS_LABELS } from '../labels.js';
import '../suppliers.css';

const HISTORY_PAGE = 20;

export function SupplierDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const session = useCurrentSession();
  const supplier = useSupplier(id);
  const [historyOffset, setHistoryOffset] = useState(0);
  const latest = useSupplierAssessments(id, { limit: HISTORY_PAGE, offset: 0 });
  const history = useSupplierAssessments(id, { limit: HISTORY_PAGE, offset: historyOffset });
  const assess = useAssessSupplier();
  const archive = useArchiveSupplier();
  const restore = useRestoreSupplier();
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const [sendingQuestionnaire, setSendingQuestionnaire] = useState(false);

  if (supplier.isError) {
    return (
      <>
        <PageHeader title="Supplier" />
        <Alert tone="error" title="The supplier could not be loaded">
          {describeError(supplier.error)} <Link to="/suppliers">Back to suppliers</Link>
        </Alert>
      </>
    );
  }
  if (!supplier.data) {
    return (
      <p className="loading-text" role="status">
        Loading supplier…
      </p>
    );
  }

  const s = supplier.data;
  const archived = s.archivedAt !== null;
  const canManage = canManageSuppliers(session.role) && !archived;
  const canSend = canSendQuestionnaires(session.role) && !archived;
  const latestItems = latest.data?.items ?? [];
  const current = s.risk
    ? (latestItems.find((a) => a.id === s.risk?.assessmentId) ?? latestItems[0])
    : latestItems[0];

  const assessButton = canManage ? (
    <Button variant="primary" busy={assess.isPending} onClick={() => assess.mutate(s.id)}>
      Assess now
    </Button>
  ) : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/suppliers">Suppliers</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{s.name}</span>
      </nav>
      <PageHeader
        title={s.name}
        description={
          <>
            {countryName(s.country) ?? s.country} · Tier {s.tier} · {STATUS_LABELS[s.status]}
            {archived ? (
              <>
                {' '}
                <Badge tone="neutral">Archived</Badge>
              </>
            ) : null}
          </>
        }
        actions={
          <>
            {canManage ? (
              <>
                {assessButton}
                {canSend && !sendingQuestionnaire ? (
                  <Button onClick={() => setSendingQuestionnaire(true)}>Send questionnaire</Button>
                ) : null}
                <Link className="btn btn-secondary" to={`/suppliers/${s.id}/edit`}>
                  Edit
                </Link>
                <Button
                  variant="ghost"
                  onClick={() => {
                    archive.reset();
                    setConfirmingArchive(true);
                  }}
                >
                  Archive
                </Button>
              </>
            ) : null}
            {canIssueReports(session.role) ? <SupplierReportButton supplierId={s.id} /> : null}
          </>
        }
      />
      <div aria-live="polite">
        {notice && !assess.data ? <Alert tone="success">{notice}</Alert> : null}
        {assess.data ? (
          <Alert tone="success" onDismiss={() => assess.reset()}>
            {`Assessed now: ${RATING_LABELS[assess.data.rating]}, residual score ${formatScore(assess.data.residualScore)}.`}
          </Alert>
        ) : null}
      </div>
      {assess.isError ? (
        <Alert tone="error" title="The supplier was not assessed" onDismiss={() => assess.reset()}>
          {describeError(assess.error)}
        </Alert>
      ) : null}
      {archived ? (
        <Alert tone="info" title={`Archived on ${formatDate(s.archivedAt ?? '')}`}>
          This supplier is no longer in the current register. Its record and assessment history are kept; find
          it in the list under Register: Archived suppliers.
          {canManageSuppliers(session.role) ? (
            <>
              {' '}
              <Button variant="secondary" busy={restore.isPending} onClick={() => restore.mutate(s.id)}>
                Restore to the register
              </Button>
            </>
          ) : null}
          {restore.isError ? <> {describeError(restore.error)}</> : null}
        </Alert>
      ) : null}

      {sendingQuestionnaire ? (
        <SendQuestionnairePanel suppliers={[s]} onClose={() => setSendingQuestionnaire(false)} />
      ) : null}
      <div className="detail-grid">
        <div className="detail-main">
          {latest.isError ? (
            <Alert tone="error" title="Assessments could not be loaded">
              {describeError(latest.error)}
            </Alert>
          ) : latest.isPending ? (
            <p className="loading-text" role="status">
              Loading the current assessment…
            </p>
          ) : (
            <CitedRiskPanel
              assessment={current}
              emptyAction={
                canManage ? (
                  <p>Use “Assess now” to score it under your organisation’s published scoring policy.</p>
                ) : null
              }
            />
          )}
          <SupplierFindings supplierId={s.id} canCreateTask={canManage} />
          <SupplierTasks supplierId={s.id} canCreate={canManage} />
          {history.data && history.data.total > 0 ? (
            <AssessmentHistory
              assessments={history.data.items}
              total={history.data.total}
              limit={HISTORY_PAGE}
              offset={historyOffset}
              onPage={setHistoryOffset}
              busy={history.isFetching}
              currentId={current?.id}
            />
          ) : null}
        </div>
        <div className="detail-side">
          <ChainRisk supplierId={s.id} />
          <SupplierQuestionnaires
            supplier={s}
            canSend={canSend}
            sending={sendingQuestionnaire}
            onSend={() => setSendingQuestionnaire(true)}
          />
          <SupplierProfile supplier={s} />
          <SupplierTree
            supplierId={s.id}
            addHref={canManage ? `/suppliers/new?parentId=${encodeURIComponent(s.id)}` : undefined}
          />
        </div>
      </div>

      {confirmingArchive ? (
        <ConfirmDialog
          title={`Archive ${s.name}?`}
          confirmLabel="Archive"
          busy={archive.isPending}
          error={archive.isError ? describeError(archive.error) : null}
          onConfirm={() => archive.mutate(s.id, { onSuccess: () => setConfirmingArchive(false) })}
          onCancel={() => setConfirmingArchive(false)}
        >
          <p>
            It leaves the current register, lists and exports. Its record, assessments and audit trail are
            kept, and suppliers below it stay in the register.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
