import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.js';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Table } from '../../../components/ui/table.js';
import { formatDate } from '../../../lib/format.js';
import { canManageTemplates } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { QuestionnairesNav } from '../components/assignments/questionnaires-nav.js';
import { type CreateSource, CreateTemplatePanel } from '../components/create-template-panel.js';
import { TemplateStatusBadge } from '../components/template-status-badge.js';
import { TemplatesLoaded } from '../components/templates-loaded.js';
import '../questionnaires.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Questionnaire templates: drafts being written, the published versions suppliers can be sent, and retired
 * ones (which questionnaires already sent still point to).
 */
export function TemplatesPage() {
  const session = useCurrentSession();
  const canManage = canManageTemplates(session.role);
  const [creating, setCreating] = useState<CreateSource | null>(null);

  return (
    <>
      <PageHeader
        title="Questionnaire templates"
        description="The questions suppliers answer, versioned: a published version never changes, so every answer traces to the exact questions asked. Publish a version, then send it from the supplier list."
        actions={
          canManage ? (
            <>
              <Button variant="primary" onClick={() => setCreating({ kind: 'default' })}>
                New from the shipped questionnaire
              </Button>
              <Button onClick={() => setCreating({ kind: 'import' })}>Import JSON</Button>
            </>
          ) : null
        }
      />
      <QuestionnairesNav />
      {creating ? <CreateTemplatePanel source={creating} onClose={() => setCreating(null)} /> : null}
      <TemplatesLoaded>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title="No templates yet">
              <p>Start from the shipped forced labour self-assessment, or import a template as JSON.</p>
            </EmptyState>
          ) : (
            <Table caption="Questionnaire templates" wrapClassName="tpl-list">
              <thead>
                <tr>
                  <th scope="col">Template</th>
                  <th scope="col">Status</th>
                  <th scope="col">Version</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Languages</th>
                  <th scope="col">Updated</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link className="cell-strong" to={`/questionnaires/templates/${t.id}`}>
                        {t.name}
                      </Link>
                      {t.title !== t.name ? <div className="cell-sub">{t.title}</div> : null}
                    </td>
                    <td>
                      <TemplateStatusBadge status={t.status} />
                    </td>
                    <td>{t.version ?? '—'}</td>
                    <td className="cell-nowrap">
                      {plural(t.questionCount, 'question', 'questions')}
                      <span className="muted"> in {plural(t.sectionCount, 'section', 'sections')}</span>
                    </td>
                    <td>{t.locales.join(', ').toUpperCase()}</td>
                    <td className="cell-nowrap">{formatDate(t.updatedAt)}</td>
                    {canManage ? (
                      <td>
                        {t.status === 'published' ? (
                          <Button size="sm" onClick={() => setCreating({ kind: 'version', base: t })}>
                            New version<span className="visually-hidden"> of {t.name}</span>
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </TemplatesLoaded>
    </>
  );
}
