import { TASK_STATUS_LABELS, type Task, todayUtc } from '#shared/schemas/tasks.js';
import { isOverdue } from '../../tasks/tasks.mapping.js';
import type { ReportPdf } from '../pdf/document.js';
import type { ReportMeta } from '../report-types.js';
import type { SupplierReportData } from './supplier-report.data.js';
import { bytes, count, day, instant, moreLine, ratingLabel } from './supplier-report.format.js';

// The evidence behind the answers and the fixes (each file with its SHA-256, so a copy handed to an auditor
// can be checked against the one stored), and the remediation plan with where each task stands.

// The hash column is wide enough for the 64 hex digits on one line: a reader can search for it or copy it whole.
const FILE_COLUMNS = [{ header: 'File' }, { header: 'SHA-256', width: 336 }];

const byLabel = (by: { label: string | null }) => by.label ?? 'an unknown user';

export const evidenceSection = (pdf: ReportPdf, d: SupplierReportData) => {
  pdf.section('Evidence');
  pdf.paragraph(
    'Every file the supplier and the team uploaded as evidence for the scored questionnaire and the remediation ' +
      'tasks, with the SHA-256 of its bytes as stored: a copy whose SHA-256 differs is not the file recorded here.',
  );
  pdf.section('Questionnaire evidence', 2);
  const q = d.questionnaire;
  if (!q) {
    pdf.callout('gap', 'No accepted questionnaire was scored, so there is no questionnaire evidence.');
  } else {
    const answers = d.assessment?.inputs.answers ?? [];
    const backed = answers.filter((a) => a.evidenceBacked).length;
    pdf.paragraph(
      `Questionnaire “${q.templateName}” (version ${q.templateVersion})` +
        `${q.acceptedAt ? `, accepted ${instant(q.acceptedAt)}` : ''}` +
        `${q.validUntil ? `, answers valid until ${day(q.validUntil)}` : ''}. ` +
        `${backed} of ${count(answers.length, 'scored answer')} counted as backed by accepted evidence.`,
    );
    if (q.evidence.total === 0) {
      pdf.callout(
        'gap',
        'The supplier uploaded no evidence files with this questionnaire: its answers are self-declared.',
      );
    } else {
      pdf.table({
        columns: FILE_COLUMNS,
        rows: q.evidence.items.map((f) => [
          `${f.fileName}\n${bytes(f.size)}\nUploaded ${instant(f.createdAt)} by ${f.uploadedBy}\nFor “${q.questions[f.questionId] ?? f.questionId}”`,
          f.sha256,
        ]),
      });
      const more = moreLine(q.evidence, 'questionnaire evidence files');
      if (more) pdf.paragraph(more, { muted: true });
    }
  }
  pdf.section('Remediation evidence', 2);
  const files = d.tasks.items.flatMap((t) => t.evidence.map((f) => ({ f, task: t.task })));
  if (d.taskEvidenceTotal === 0) {
    pdf.paragraph('No evidence has been uploaded to remediation tasks.', { muted: true });
    return;
  }
  pdf.table({
    columns: FILE_COLUMNS,
    rows: files.map(({ f, task }) => [
      `${f.fileName}\n${bytes(f.size)}\nUploaded ${instant(f.createdAt)} by ${byLabel(f.uploadedBy)}\nFor the task “${task.title}”`,
      f.sha256,
    ]),
  });
  const more = moreLine({ items: files, total: d.taskEvidenceTotal }, 'remediation evidence files');
  if (more) pdf.paragraph(more, { muted: true });
};

/** Where a task stands beyond its status: who verified it, who accepted the risk and until when. */
const standing = (t: Task, today: string): string => {
  if (t.status === 'closed' && t.closed) return `Verified by ${byLabel(t.closed.by)} on ${day(t.closed.at)}`;
  if (t.status === 'risk_accepted' && t.riskAcceptance) {
    const r = t.riskAcceptance;
    const expiry = r.until < today ? `expired ${r.until}` : `until ${r.until}`;
    return `Risk accepted by ${byLabel(r.acceptedBy)} on ${day(r.acceptedAt)}, ${expiry}: ${r.justification}`;
  }
  if (t.status === 'pending_verification' && t.submittedForVerification) {
    const s = t.submittedForVerification;
    return `Fix submitted by ${byLabel(s.by)} on ${day(s.at)}; awaiting verification by someone else`;
  }
  return '—';
};

export const remediationSection = (pdf: ReportPdf, d: SupplierReportData, meta: ReportMeta) => {
  pdf.section('Remediation plan and status');
  const tasks = d.tasks.items.map((t) => t.task);
  if (d.tasks.total === 0) {
    const findings = d.questionnaire?.findings.filter((f) => f.status === 'open').length ?? 0;
    pdf.callout(
      findings > 0 ? 'gap' : 'note',
      findings > 0
        ? `No remediation task has been made yet, though ${count(findings, 'finding')} from the scored questionnaire ${findings === 1 ? 'is' : 'are'} open.`
        : 'No remediation tasks are recorded for this supplier.',
    );
    return;
  }
  // Overdue as of the issue day: the report's own date, not the reader's.
  const today = todayUtc(meta.issuedAt);
  const overdue = tasks.filter((t) => isOverdue(t, today)).length;
  const n = (status: Task['status']) => tasks.filter((t) => t.status === status).length;
  pdf.kpis([
    {
      label: 'Active',
      value: String(n('open') + n('in_progress') + n('pending_verification')),
      note: 'open, in progress or awaiting verification',
    },
    { label: 'Overdue', value: String(overdue), note: `past the due date on ${today}` },
    { label: 'Closed (verified)', value: String(n('closed')), note: 'fix verified by a second person' },
    {
      label: 'Risk accepted',
      value: String(n('risk_accepted')),
      note: 'by an administrator, with an expiry',
    },
  ]);
  pdf.table({
    columns: [
      { header: 'Task' },
      { header: 'Severity', width: 50 },
      { header: 'Status', width: 66 },
      { header: 'Owner', width: 70 },
      { header: 'Due', width: 62 },
      { header: 'Verification or acceptance' },
    ],
    rows: tasks.map((t) => [
      t.title,
      ratingLabel(t.severity),
      TASK_STATUS_LABELS[t.status],
      t.ownerName ?? 'Unassigned',
      isOverdue(t, today) ? `${t.dueDate}, overdue` : t.dueDate,
      standing(t, today),
    ]),
  });
  const more = moreLine(d.tasks, 'tasks');
  if (more) pdf.paragraph(more, { muted: true });
};
