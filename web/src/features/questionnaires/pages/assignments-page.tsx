import { Link } from 'react-router';
import { AssignmentsQuerySchema } from '#shared/schemas/assignments.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { canSendQuestionnaires } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useAssignments } from '../assignments-api.js';
import { AssignmentsFilters, hasAssignmentFilters } from '../components/assignments/assignments-filters.js';
import { AssignmentsTable } from '../components/assignments/assignments-table.js';
import { useLinkActions } from '../components/assignments/link-actions.js';
import { QuestionnairesNav } from '../components/assignments/questionnaires-nav.js';
import '../assignments.css';

const PAGE_SIZE = '25';

/**
 * The questionnaire area's landing: every questionnaire sent, where it stands (answered, waiting for review,
 * overdue), and where its link went. Sending starts from the supplier register.
 */
export function AssignmentsPage() {
  const session = useCurrentSession();
  const canSend = canSendQuestionnaires(session.role);
  const [query, setQuery] = useSearchState(AssignmentsQuerySchema, { limit: PAGE_SIZE });
  const assignments = useAssignments(query);
  const links = useLinkActions();
  const nothingSent = assignments.data?.total === 0 && !hasAssignmentFilters(query);

  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="What each supplier was asked, how far they got, what waits for your review, and where each link went."
        actions={
          canSend ? (
            <Link className="btn btn-primary" to="/suppliers">
              Choose suppliers to send to
            </Link>
          ) : null
        }
      />
      <QuestionnairesNav />
      {assignments.isError ? (
        <Alert tone="error" title="The questionnaires could not be loaded">
          {describeError(assignments.error)}{' '}
          <Button size="sm" onClick={() => assignments.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {nothingSent ? (
        <EmptyState title="No questionnaire sent yet">
          <p>
            {canSend
              ? 'Tick suppliers in the supplier list and choose “Send questionnaire”, or send one from a supplier’s page. Each supplier gets its own link, by e-mail to its first contact or handed to you to pass on.'
              : 'Compliance officers send questionnaires from the supplier list; their progress shows here.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <AssignmentsFilters query={query} onChange={setQuery} />
          {links.view}
          {assignments.data ? (
            <>
              <AssignmentsTable
                assignments={assignments.data.items}
                busy={assignments.isFetching}
                actions={canSend ? links.actions : undefined}
              />
              <Pagination
                noun="questionnaires"
                total={assignments.data.total}
                limit={query.limit}
                offset={query.offset}
                onChange={(offset) => setQuery({ offset: offset || undefined })}
              />
            </>
          ) : assignments.isPending ? (
            <p className="loading-text" role="status">
              Loading questionnaires…
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
