import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Template } from '#shared/schemas/templates.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate } from '../../../lib/format.js';
import { canManageTemplates } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useTemplate } from '../api.js';
import { TemplateBuilder } from '../components/builder/template-builder.js';
import { CreateTemplatePanel } from '../components/create-template-panel.js';
import { ExportButton } from '../components/export-button.js';
import { IssueList } from '../components/issue-list.js';
import { Tabs } from '../components/tabs.js';
import { TemplateOutline } from '../components/template-outline.js';
import { TemplatePreview } from '../components/template-preview.js';
import { TemplateStatusBadge } from '../components/template-status-badge.js';
import '../questionnaires.css';

const stateLine = (t: Template) =>
  t.status === 'draft'
    ? `Draft, last changed ${formatDate(t.updatedAt)}`
    : `Version ${t.version}${t.publishedAt ? `, published ${formatDate(t.publishedAt)}` : ''}`;

/** A published or retired version (or any version, for readers): its questions and the supplier's view. */
function TemplateReadOnly({ template }: { template: Template }) {
  const [tab, setTab] = useState('questions');
  return (
    <>
      {template.status === 'draft' && template.issues.length > 0 ? (
        <Alert tone="warning" title="What stops this draft from being published">
          <IssueList issues={template.issues} definition={template.definition} />
        </Alert>
      ) : null}
      <Tabs
        label="Template"
        tabs={[
          { id: 'questions', label: 'Questions' },
          { id: 'preview', label: 'Preview' },
        ]}
        active={tab}
        onChange={setTab}
      >
        {tab === 'questions' ? (
          <TemplateOutline definition={template.definition} />
        ) : (
          <TemplatePreview definition={template.definition} />
        )}
      </Tabs>
    </>
  );
}

export function TemplatePage() {
  const { id } = useParams();
  const session = useCurrentSession();
  const template = useTemplate(id);
  const t = template.data;
  const canManage = canManageTemplates(session.role);
  const editable = t?.status === 'draft' && canManage;
  const [versioning, setVersioning] = useState(false);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/questionnaires/templates">Questionnaire templates</Link>
      </p>
      <PageHeader
        title={t ? t.name : 'Questionnaire template'}
        description={
          t ? (
            <span className="tpl-state">
              <TemplateStatusBadge status={t.status} /> {stateLine(t)} · {t.questionCount} questions in{' '}
              {t.sectionCount} sections
            </span>
          ) : null
        }
        actions={
          t ? (
            <>
              {t.status === 'published' && canManage ? (
                <Button variant="primary" onClick={() => setVersioning(true)}>
                  New version
                </Button>
              ) : null}
              <ExportButton template={t} />
            </>
          ) : null
        }
      />
      {t && versioning ? (
        <CreateTemplatePanel source={{ kind: 'version', base: t }} onClose={() => setVersioning(false)} />
      ) : null}
      {template.isError ? (
        <Alert tone="error" title="The template could not be loaded">
          {describeError(template.error)}{' '}
          <Button size="sm" onClick={() => template.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !t ? (
        <p className="loading-text" role="status">
          Loading the template…
        </p>
      ) : editable ? (
        // Keyed by id: another draft opened from here starts a fresh form.
        <TemplateBuilder key={t.id} template={t} />
      ) : (
        <TemplateReadOnly template={t} />
      )}
    </>
  );
}
