import type { Task, TaskDetail } from '#shared/schemas/tasks.js';
import { USER_ID } from './fixtures.js';

let counter = 0;
const nextId = () => {
  counter += 1;
  return `77777777-7777-4777-8777-${String(counter).padStart(12, '0')}`;
};

export const SUPPLIER_ID = '55555555-5555-4555-8555-999999999999';
export const OTHER_USER_ID = '44444444-4444-4444-8444-999999999999';

/** A remediation task as GET /api/tasks answers it: open, unassigned, due in the future, by default. */
export const makeTask = (overrides: Partial<Task> = {}): Task => ({
  id: nextId(),
  supplierId: SUPPLIER_ID,
  supplierName: 'Dhaka Knitwear Ltd',
  findingId: null,
  criterion: null,
  title: 'Return workers’ passports',
  description: 'Stop keeping identity documents; give each worker a lockable locker.',
  severity: 'high',
  ownerId: null,
  ownerName: null,
  dueDate: '2099-01-31',
  overdue: false,
  supplierVisible: false,
  status: 'open',
  submittedForVerification: null,
  riskAcceptance: null,
  closed: null,
  createdBy: { type: 'user', id: USER_ID, label: 'Ada Admin' },
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  revision: 1,
  ...overrides,
});

export const makeTaskDetail = (overrides: Partial<TaskDetail> = {}): TaskDetail => ({
  ...makeTask(overrides),
  comments: [],
  evidence: [],
  ...overrides,
});

export const taskPage = (items: Task[]) => ({ items, total: items.length, limit: 50, offset: 0 });
