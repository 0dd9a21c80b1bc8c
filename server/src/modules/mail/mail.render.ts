import type { MailParams } from '#shared/schemas/mail.js';
import type { MailMessage } from './mail.transport.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "30 November 2026, 14:05 UTC": e-mail is read anywhere, so the zone is said, never assumed. */
const when = (iso: string) =>
  `${new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  })} UTC`;

/** "7 December 2026": a due date is a day, wherever it is read. */
const day = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

interface Wording {
  subject: string;
  /** Paragraphs before the link, and after it. */
  before: string[];
  action?: string;
  after: string[];
}

const wordingOf = (p: MailParams): Wording => {
  switch (p.kind) {
    case 'user_invitation':
      return {
        subject: `You are invited to ${p.organisation} on Clearsource`,
        before: [
          `${p.inviterName} has given you access to ${p.organisation} on Clearsource as ${p.role}.`,
          'Choose your password to open your account:',
        ],
        action: 'Choose your password',
        after: [
          `The link works once and until ${when(p.expiresAt)}. If it has expired, ask ${p.inviterName} to invite you again.`,
          'If you did not expect this, you can ignore this message: no account is opened until the link is used.',
        ],
      };
    case 'user_added':
      return {
        subject: `You now have access to ${p.organisation} on Clearsource`,
        before: [
          `${p.inviterName} has given you access to ${p.organisation} on Clearsource as ${p.role}.`,
          'Sign in with your existing Clearsource password and choose the organisation from the menu.',
        ],
        after: [],
      };
    case 'password_reset':
      return {
        subject: 'Choose a new Clearsource password',
        before: [
          `Someone asked to reset the password of your Clearsource account (${p.organisation}).`,
          'Choose a new password here:',
        ],
        action: 'Choose a new password',
        after: [
          `The link works once and until ${when(p.expiresAt)}. Choosing a new password signs you out everywhere.`,
          'If you did not ask for this, ignore this message: your password stays as it is.',
        ],
      };
    case 'questionnaire_invitation':
      return {
        subject: `${p.organisation} asks ${p.supplierName} to answer a questionnaire by ${day(p.dueDate)}`,
        before: [
          `${p.organisation} asks ${p.supplierName} to answer "${p.questionnaire}" by ${day(p.dueDate)}.`,
          ...(p.message ? [p.message] : []),
          ...(p.recurring
            ? [
                'We ask for it again regularly, so that the answers we rely on stay current: please answer it afresh (the answers you gave last time are not carried over).',
              ]
            : []),
          p.reissued
            ? 'This is a new link: the one sent before no longer works. Your answers so far are kept.'
            : 'Open the questionnaire here; no account is needed, and your answers are saved as you go:',
        ],
        action: 'Open the questionnaire',
        after: [
          'The link is personal to your site: do not forward it outside your organisation. The questionnaire is available in several languages.',
        ],
      };
    case 'questionnaire_reminder':
      return {
        subject: p.overdue
          ? `Reminder: ${p.organisation}'s questionnaire was due on ${day(p.dueDate)}`
          : `Reminder: ${p.organisation}'s questionnaire is due by ${day(p.dueDate)}`,
        before: [
          p.overdue
            ? `${p.organisation} is still waiting for ${p.supplierName}'s answers to "${p.questionnaire}", which were due on ${day(p.dueDate)}.`
            : `${p.organisation} asks ${p.supplierName} to answer "${p.questionnaire}" by ${day(p.dueDate)}.`,
          'Open the questionnaire here; your answers so far are kept. Any link we sent you before still works too:',
        ],
        action: 'Open the questionnaire',
        after: [
          'The link is personal to your site: do not forward it outside your organisation. If you have already submitted your answers, you can ignore this message.',
        ],
      };
    case 'task_reminder':
      return p.audience === 'owner'
        ? {
            subject: `Overdue: "${p.task}" (${p.supplierName}) was due on ${day(p.dueDate)}`,
            before: [
              `The remediation task "${p.task}" for ${p.supplierName}, which you own at ${p.organisation}, was due on ${day(p.dueDate)} and is ${days(p.daysOverdue)} overdue.`,
              'Open the task to move it on, change its due date, or hand it to someone else:',
            ],
            action: 'Open the task',
            after: ['You will be reminded weekly while it stays overdue.'],
          }
        : {
            subject: `Reminder: ${p.organisation}'s corrective action was due on ${day(p.dueDate)}`,
            before: [
              `${p.organisation} is still waiting for ${p.supplierName} to complete "${p.task}", which was due on ${day(p.dueDate)}.`,
              'Open your supplier page to comment, upload evidence, or mark the action done. Any link we sent you before still works too:',
            ],
            action: 'Open the corrective actions',
            after: [
              'The link is personal to your site: do not forward it outside your organisation. If you have already marked the action done, you can ignore this message.',
            ],
          };
    case 'task_escalation':
      return {
        subject: `Escalation: "${p.task}" (${p.supplierName}) is ${days(p.daysOverdue)} overdue`,
        before: [
          `The ${p.severity} remediation task "${p.task}" for ${p.supplierName} at ${p.organisation} was due on ${day(p.dueDate)} and is ${days(p.daysOverdue)} overdue.`,
          p.ownerName
            ? `Its owner, ${p.ownerName}, has been reminded. You receive this as an administrator of ${p.organisation}.`
            : `It has no owner. You receive this as an administrator of ${p.organisation}.`,
        ],
        action: 'Open the task',
        after: [
          'An overdue task is escalated once; again only if it becomes overdue anew (reopened, or given a new due date).',
        ],
      };
  }
};

/** The message for a kind, its params and (when it has one) its secret link, in plain text and HTML. */
export const renderMail = (to: string, params: MailParams, link: string | undefined): MailMessage => {
  const w = wordingOf(params);
  const text = [...w.before, ...(link ? [link] : []), ...w.after, '— Clearsource'].join('\n\n');
  const para = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const button =
    link && w.action
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(link)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(w.action)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#444">Or paste this address into your browser: ${escapeHtml(link)}</p>`
      : '';
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#111;max-width:560px">${w.before.map(para).join('')}${button}${w.after.map(para).join('')}<p style="margin:0;color:#444">— Clearsource</p></body></html>`;
  return { to, subject: w.subject, text, html };
};
