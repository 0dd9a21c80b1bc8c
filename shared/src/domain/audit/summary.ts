import type { AuditEvent } from '../../schemas/audit.js';
import { REPORT_KIND_LABELS, type ReportKind } from '../../schemas/reports.js';

/**
 * One readable line per event, for the audit log page and its CSV export alike (one wording in both).
 * Personal values that were erased read as "(erased)".
 */
const text = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object' && !Array.isArray(v) && (v as { erased?: unknown }).erased === true) {
    return '(erased)';
  }
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(text).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return 'name' in o ? text(o.name) : JSON.stringify(v);
  }
  return String(v);
};

const FIELD_NAMES: Record<string, string> = {
  legalName: 'legal name',
  externalRef: 'external reference',
  annualSpend: 'annual spend',
  migrantWorkerShare: 'migrant worker share',
  agencyWorkerShare: 'agency worker share',
  parentId: 'parent',
  document: 'rules',
  definition: 'questions',
};

const changesLine = (changes: Record<string, { from?: unknown; to?: unknown }>): string => {
  const parts = Object.entries(changes).map(([field, c]) => {
    const name = FIELD_NAMES[field] ?? field;
    // Large values (a policy document, a contact list) are named, not printed.
    if (field === 'document' || field === 'definition') return `${name} changed`;
    return `${name} ${text(c.from)} → ${text(c.to)}`;
  });
  return parts.length === 0 ? 'no field changed' : parts.join('; ');
};

const MAIL_WORDS: Record<string, string> = {
  user_invitation: 'Invitation',
  user_added: 'Added-to-organisation',
  password_reset: 'Password reset',
  questionnaire_invitation: 'Questionnaire',
  questionnaire_reminder: 'Questionnaire reminder',
  task_reminder: 'Task reminder',
  task_escalation: 'Task escalation',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const summariseEvent = (e: AuditEvent): string => {
  switch (e.action) {
    case 'org.created':
      return `Organisation "${e.payload.name}" created`;
    case 'user.created':
      return `${text(e.payload.name)} (${text(e.payload.email)}) created as ${e.payload.role}`;
    case 'user.added_to_org':
      return `${text(e.payload.email)} added as ${e.payload.role}`;
    case 'user.updated':
      return changesLine(e.payload.changes);
    case 'user.password_changed':
      return `Password changed; ${plural(e.payload.otherSessionsEnded, 'other session')} ended`;
    case 'auth.login':
      return 'Signed in with a password';
    case 'auth.logout':
      return 'Signed out';
    case 'auth.switched_org':
      return 'Switched to this organisation';
    case 'api_key.created':
      return `Key "${e.payload.name}" (${e.payload.prefix}…) created with role ${e.payload.role}${
        e.payload.expiresAt ? `, expiring ${e.payload.expiresAt}` : ''
      }`;
    case 'api_key.revoked':
      return `Key "${e.payload.name}" (${e.payload.prefix}…) revoked`;
    case 'supplier.created': {
      const s = e.payload.supplier;
      const from = e.payload.importId ? ' by import' : '';
      const contacts = s.contacts?.length ? `, ${plural(s.contacts.length, 'contact')}` : '';
      return `"${s.name ?? '—'}" created${from}${contacts}`;
    }
    case 'supplier.updated':
      return `${changesLine(e.payload.changes)}${e.payload.importId ? ' (by import)' : ''}${e.payload.tierFollows ? ' (follows its parent chain)' : ''}`;
    case 'supplier.archived':
      return `"${e.payload.name}" archived`;
    case 'supplier.restored':
      return `"${e.payload.name}" restored`;
    case 'supplier.import_committed': {
      const p = e.payload;
      return `${p.fileName}: ${plural(p.rows, 'row')}, ${p.created} created, ${p.updated} updated, ${p.unchanged} unchanged`;
    }
    case 'policy.created':
      return `"${e.payload.name}" created${e.payload.basedOnId ? ' from an earlier version' : ''}`;
    case 'policy.updated':
      return changesLine(e.payload.changes);
    case 'policy.published':
      return `"${e.payload.name}" published as version ${e.payload.version}${
        e.payload.requestId ? ' on approval' : ''
      }`;
    case 'policy.deleted':
      return `Draft "${e.payload.name}" deleted (never published)`;
    case 'policy.publish_requested':
      return `Publication requested (revision ${e.payload.revision}): ${e.payload.comment}`;
    case 'policy.publish_approved':
      return `Publication approved${e.payload.comment ? `: ${e.payload.comment}` : ''}`;
    case 'policy.publish_rejected':
      return `Publication rejected: ${e.payload.comment}`;
    case 'policy.publish_withdrawn':
      return `Publication request withdrawn${e.payload.comment ? `: ${e.payload.comment}` : ''}`;
    case 'org.publish_approval_set': {
      const word = (v: boolean | null) => (v === null ? 'the default' : v ? 'required' : 'not required');
      return `Second admin's approval to publish: ${word(e.payload.previous)} → ${word(e.payload.required)}`;
    }
    case 'dataset_edition.loaded': {
      const p = e.payload;
      return `${p.label} loaded from ${p.fileName} (${plural(p.rows, 'row')}, SHA-256 ${p.sha256.slice(0, 12)}…)`;
    }
    case 'dataset_edition.deleted':
      return `${e.payload.label} deleted (no policy used it)`;
    case 'assessment.created':
      return `Rated ${e.payload.rating} (residual ${e.payload.residualScore}) under policy v${e.payload.policyVersion}, ${e.payload.triggerDetail || e.payload.trigger.replace(/_/g, ' ')}`;
    case 'job.finished':
      return `${e.payload.kind.replace(/_/g, ' ')} ${e.payload.status}: ${e.payload.done} of ${e.payload.total}`;
    case 'audit.personal_data_erased':
      return `${plural(e.payload.values.length, 'personal value')} erased on request ${e.payload.requestRef}`;
    case 'template.created': {
      const how = {
        import: 'imported',
        default: 'created from the shipped default questionnaire',
        new_version: 'created as a new draft version',
      }[e.payload.source];
      return `Questionnaire template "${e.payload.name}" ${how}`;
    }
    case 'template.updated':
      return changesLine(e.payload.changes);
    case 'template.published':
      return `"${e.payload.name}" published as version ${e.payload.version}${e.payload.retiredId ? ' (the previous version retired)' : ''}`;
    case 'template.deleted':
      return `Draft "${e.payload.name}" deleted (never published)`;
    case 'assignment.created': {
      const r = e.payload.recurrence;
      const again = !r
        ? ''
        : r.kind === 'on_expiry'
          ? '; sent again before the accepted answers expire'
          : `; sent again every ${plural(r.months, 'month')}`;
      return `Questionnaire (template v${e.payload.templateVersion}) sent to "${e.payload.supplierName}", due ${e.payload.dueDate}; link ${e.payload.delivery === 'email' ? 'e-mailed' : 'handed to the officer'}${again}`;
    }
    case 'assignment.link_revoked':
      return 'Questionnaire link revoked';
    case 'assignment.link_reissued':
      return `New questionnaire link ${e.payload.delivery === 'email' ? 'e-mailed' : 'handed to the officer'}, valid until ${e.payload.expiresAt}`;
    case 'assignment.answer_saved':
      return `Answer to "${e.payload.questionId}" ${e.payload.cleared ? 'cleared' : `saved (version ${e.payload.revision})`}`;
    case 'assignment.locale_chosen':
      return `Questionnaire language set to ${e.payload.locale}`;
    case 'assignment.submitted':
      return `Questionnaire submitted (${e.payload.answered} of ${e.payload.required} required questions answered)`;
    case 'assignment.evidence_uploaded':
      return `Evidence for "${e.payload.questionId}" uploaded: ${e.payload.mediaType}, ${e.payload.size} bytes, SHA-256 ${e.payload.sha256.slice(0, 12)}…`;
    case 'assignment.returned':
      return `Questionnaire returned to the supplier with ${plural(e.payload.questionIds.length, 'comment')}`;
    case 'assignment.accepted':
      return `Questionnaire accepted: ${plural(e.payload.scoredAnswers, 'scored answer')}, evidence accepted for ${e.payload.evidenceAccepted.length}; counts until ${e.payload.validUntil}`;
    case 'assignment.reminded':
      return e.payload.delivery === 'email'
        ? `${e.payload.kind === 'overdue' ? 'Overdue' : 'Due-soon'} reminder e-mailed with a new link (due ${e.payload.dueDate})`
        : `${e.payload.kind === 'overdue' ? 'Overdue' : 'Due-soon'} reminder due, but no e-mail on file: pass it on to the supplier (due ${e.payload.dueDate})`;
    case 'assignment.recurred':
      return `Recurring questionnaire re-sent (template v${e.payload.templateVersion}), due ${e.payload.dueDate}; ${
        {
          email: 'link e-mailed',
          handed_over: 'link to be handed over by the officer',
          no_email: 'no e-mail on file, so no link was sent: re-issue the link and pass it on',
        }[e.payload.delivery]
      }`;
    case 'assignment.recurrence_stopped':
      return `Recurring questionnaire stopped: it will not be sent again (was ${
        e.payload.recurrence.kind === 'on_expiry'
          ? 'sent again before the accepted answers expire'
          : `sent again every ${plural(e.payload.recurrence.months, 'month')}`
      })`;
    case 'assignment.answers_expired':
      return `Accepted answers expired after ${e.payload.validUntil}${e.payload.rescored ? '; the supplier was rescored without them' : ''}`;
    case 'finding.opened':
      return `${e.payload.kind === 'red_flag' ? 'Red flag' : 'Finding'} "${e.payload.key.replace(/_/g, ' ')}" opened (${e.payload.severity})`;
    case 'finding.status_changed':
      return `Finding "${e.payload.key.replace(/_/g, ' ')}" ${e.payload.from.replace(/_/g, ' ')} → ${e.payload.to.replace(/_/g, ' ')} (its remediation task moved)`;
    case 'task.created':
      return `Remediation task "${e.payload.title}" created (${e.payload.severity}, due ${e.payload.dueDate}${e.payload.findingId ? ', from a finding' : ''})`;
    case 'task.updated':
      return `${e.payload.bulk ? 'Bulk change: ' : ''}${changesLine(e.payload.changes)}`;
    case 'task.transitioned': {
      const p = e.payload;
      const why = p.justification ? `: ${p.justification}` : p.comment ? `: ${p.comment}` : '';
      const until = p.riskAcceptedUntil ? ` until ${p.riskAcceptedUntil}` : '';
      return `Task ${p.from.replace(/_/g, ' ')} → ${p.to.replace(/_/g, ' ')}${until}${why}`;
    }
    case 'task.commented':
      return 'Comment added to the task';
    case 'task.reminded': {
      const p = e.payload;
      const who = p.audience === 'owner' ? 'owner' : 'supplier';
      const how = {
        email: `e-mailed to the ${who}`,
        no_email:
          p.audience === 'owner'
            ? 'due, but the task has no owner with an e-mail (or no mailer): follow it up'
            : 'due, but the supplier has no e-mail on file (or no mailer): pass it on',
        no_link: 'due, but the supplier has no live portal link: re-issue a questionnaire link or pass it on',
      }[p.delivery];
      return `Overdue reminder ${how} (${plural(p.daysOverdue, 'day')} past ${p.dueDate})`;
    }
    case 'task.escalated': {
      const p = e.payload;
      return p.delivery === 'email'
        ? `Escalated to ${plural(p.recipients, 'administrator')} (${plural(p.daysOverdue, 'day')} past ${p.dueDate}, more than ${p.afterDays})`
        : `Escalation due (${plural(p.daysOverdue, 'day')} past ${p.dueDate}), but no administrator could be e-mailed`;
    }
    case 'task.evidence_uploaded':
      return `Task evidence uploaded: ${e.payload.mediaType}, ${e.payload.size} bytes, SHA-256 ${e.payload.sha256.slice(0, 12)}…`;
    case 'report.requested':
      return `${REPORT_KIND_LABELS[e.payload.kind as ReportKind] ?? e.payload.kind} ${e.payload.registerNumber} requested`;
    case 'report.issued':
      return `${e.payload.registerNumber} issued: ${plural(e.payload.pageCount, 'page')}, SHA-256 ${e.payload.sha256.slice(0, 12)}…`;
    case 'report.failed':
      return `${e.payload.registerNumber} failed: ${e.payload.error}`;
    case 'mail.sent':
      return `${MAIL_WORDS[e.payload.kind] ?? e.payload.kind} e-mail sent (attempt ${e.payload.attempts})`;
    case 'mail.failed':
      return `${MAIL_WORDS[e.payload.kind] ?? e.payload.kind} e-mail given up after ${plural(e.payload.attempts, 'attempt')}: ${e.payload.error}`;
    case 'account_link.issued': {
      const what = e.payload.kind === 'invitation' ? 'Invitation link' : 'Password reset link';
      const how = e.payload.delivery === 'email' ? 'e-mailed' : 'handed to the administrator (no mailer)';
      const who = e.payload.requestedBy === 'self' ? ', asked for by the person' : '';
      return `${what} ${how}${who}; valid until ${e.payload.expiresAt}`;
    }
    case 'user.password_set_by_link':
      return `Password set with ${e.payload.kind === 'invitation' ? 'an invitation' : 'a reset'} link; ${plural(e.payload.sessionsEnded, 'session')} ended`;
  }
};
