import type { Assignment, AssignmentIssued } from '#shared/schemas/assignments.js';
import { TEMPLATE_ID } from './template-fixtures.js';

let counter = 0;

/** A questionnaire sent, as GET /api/assignments answers it: in progress, its link live and handed over. */
export const makeAssignment = (overrides: Partial<Assignment> = {}): Assignment => {
  counter += 1;
  return {
    id: `77777777-7777-4777-8777-${String(counter).padStart(12, '0')}`,
    supplierId: '55555555-5555-4555-8555-000000000999',
    supplierName: 'Dhaka Knitwear Ltd',
    templateId: TEMPLATE_ID,
    templateName: 'Self-assessment',
    templateVersion: 1,
    status: 'in_progress',
    dueDate: '2026-12-30',
    overdue: false,
    message: '',
    locale: 'en',
    progress: { answered: 12, required: 40, percent: 30 },
    link: { state: 'live', expiresAt: '2027-02-28T23:59:59.000Z', recipient: null },
    sentAt: '2026-11-30T09:00:00.000Z',
    submittedAt: null,
    acceptedAt: null,
    validUntil: null,
    reminders: { sent: [], next: null },
    recurrence: null,
    previousId: null,
    nextId: null,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    revision: 4,
    ...overrides,
  };
};

/** What sending (or re-issuing) answers: the link e-mailed, or handed over once as `portalUrl`. */
export const issuedOf = (a: Assignment, portalUrl?: string): AssignmentIssued =>
  portalUrl
    ? { ...a, delivery: 'handed_over', portalUrl, link: { ...a.link, recipient: null } }
    : { ...a, delivery: 'email' };
