import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  riskExpiryProblem,
  TaskBulkUpdateSchema,
  TaskCommentCreateSchema,
  TaskCreateSchema,
  TasksQuerySchema,
  TaskTransitionSchema,
  TaskUpdateSchema,
} from './tasks.js';

const ID = '0c9a4f2e-8d6b-4c1a-9e3f-2b7d5a6c8e01';
const ID2 = '1d8b5e3f-9e7c-4d2b-8f4a-3c8e6b7d9f12';

/** The field paths and messages a refused input names. */
const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
});
afterAll(() => vi.useRealTimers());

describe('TaskCreateSchema', () => {
  const byHand = { supplierId: ID, title: 'Return passports', severity: 'critical', dueDate: '2026-12-14' };

  it('takes a task made by hand, with defaults', () => {
    expect(TaskCreateSchema.parse(byHand)).toEqual({ ...byHand, supplierVisible: false });
  });

  it('names each missing field of a task made by hand, in words', () => {
    expect(issuesOf(TaskCreateSchema.safeParse({}))).toEqual([
      ['supplierId', 'Choose the supplier'],
      ['title', 'Title is required'],
      ['severity', 'Choose a severity'],
      ['dueDate', 'Choose a due date'],
    ]);
    expect(issuesOf(TaskCreateSchema.safeParse({ ...byHand, title: '  ', severity: 'urgent' }))).toEqual([
      ['title', 'Title is required'],
      ['severity', 'Choose a severity: low, medium, high or critical'],
    ]);
    expect(issuesOf(TaskCreateSchema.safeParse({ ...byHand, dueDate: '14/12/2026' }))).toEqual([
      ['dueDate', 'Use a date as YYYY-MM-DD'],
    ]);
  });

  it('takes a task from a finding with only its id; the finding decides supplier, severity, criterion', () => {
    expect(TaskCreateSchema.parse({ findingId: ID })).toEqual({ findingId: ID, supplierVisible: false });
    expect(
      issuesOf(
        TaskCreateSchema.safeParse({ findingId: ID, supplierId: ID2, severity: 'low', criterion: 'x' }),
      ),
    ).toEqual([
      ['supplierId', 'Comes from the finding: leave it out'],
      ['severity', 'Comes from the finding: leave it out'],
      ['criterion', 'Comes from the finding: leave it out'],
    ]);
  });

  it('refuses unsafe and over-long text', () => {
    expect(issuesOf(TaskCreateSchema.safeParse({ ...byHand, title: 'a\u0000b' }))[0]?.[0]).toBe('title');
    expect(issuesOf(TaskCreateSchema.safeParse({ ...byHand, title: 'x'.repeat(201) }))).toEqual([
      ['title', 'Must be at most 200 characters'],
    ]);
    expect(TaskCreateSchema.safeParse({ ...byHand, description: 'line 1\r\nline 2' }).success).toBe(true);
  });
});

describe('TaskUpdateSchema', () => {
  it('takes any subset of the fields, with a revision, and null to unassign', () => {
    expect(TaskUpdateSchema.parse({ ownerId: null, revision: 3 })).toEqual({ ownerId: null, revision: 3 });
  });

  it('refuses an update that changes nothing, and a status (moves go through transition)', () => {
    expect(issuesOf(TaskUpdateSchema.safeParse({ revision: 2 }))).toEqual([
      ['', 'Change at least one field: title, description, severity, owner, due date or supplier visibility'],
    ]);
    expect(TaskUpdateSchema.parse({ title: 'x', status: 'closed' })).toEqual({ title: 'x' });
  });
});

describe('TaskTransitionSchema', () => {
  it('takes a move with a comment', () => {
    expect(TaskTransitionSchema.parse({ to: 'open', comment: ' Evidence was a draft ' })).toEqual({
      to: 'open',
      comment: 'Evidence was a draft',
    });
  });

  it('refuses an unknown status in words', () => {
    expect(issuesOf(TaskTransitionSchema.safeParse({ to: 'done' }))).toEqual([
      ['to', 'Choose one of: open, in_progress, pending_verification, closed, risk_accepted'],
    ]);
  });

  it('asks a risk acceptance for a justification and an expiry in the future, at most three years', () => {
    expect(issuesOf(TaskTransitionSchema.safeParse({ to: 'risk_accepted' }))).toEqual([
      ['justification', 'Explain why the risk is accepted rather than fixed'],
      ['riskAcceptedUntil', 'Choose the day the acceptance ends: after it, the task reopens'],
    ]);
    const at = (d: string) =>
      issuesOf(
        TaskTransitionSchema.safeParse({ to: 'risk_accepted', justification: 'why', riskAcceptedUntil: d }),
      );
    expect(at('2026-11-30')).toEqual([
      ['riskAcceptedUntil', 'The acceptance must end in the future: choose a day after today'],
    ]);
    expect(at('2026-12-01')).toEqual([]);
    expect(at('2029-12-01')).toEqual([
      ['riskAcceptedUntil', 'A risk can be accepted for at most three years: choose an earlier day'],
    ]);
  });

  it('riskExpiryProblem is the same rule for a given day', () => {
    expect(riskExpiryProblem('2026-01-02', '2026-01-01')).toBeUndefined();
    expect(riskExpiryProblem('2028-02-29', '2026-01-01')).toBeUndefined();
    expect(riskExpiryProblem('2026-01-01', '2026-01-01')).toMatch(/future/);
  });
});

describe('comments, bulk actions and the board query', () => {
  it('a comment needs text', () => {
    expect(issuesOf(TaskCommentCreateSchema.safeParse({ body: '   ' }))).toEqual([
      ['body', 'Write a comment'],
    ]);
    expect(issuesOf(TaskCommentCreateSchema.safeParse({ body: 'x'.repeat(5001) }))).toEqual([
      ['body', 'Must be at most 5000 characters'],
    ]);
  });

  it('a bulk action names tasks once, and something to set', () => {
    expect(TaskBulkUpdateSchema.parse({ ids: [ID.toUpperCase()], ownerId: null })).toEqual({
      ids: [ID],
      ownerId: null,
    });
    expect(
      issuesOf(TaskBulkUpdateSchema.safeParse({ ids: [ID, ID.toUpperCase()], dueDate: '2027-01-01' })),
    ).toEqual([['ids', 'Each task at most once']]);
    expect(issuesOf(TaskBulkUpdateSchema.safeParse({ ids: [ID] }))).toEqual([
      ['', 'Choose an owner or a due date to set'],
    ]);
  });

  it('the board filters: supplier, severity, owner (or none), status, overdue, paging', () => {
    expect(
      TasksQuerySchema.parse({
        supplierId: ID,
        severity: 'high',
        ownerId: 'none',
        status: 'open',
        overdue: 'true',
      }),
    ).toEqual({
      supplierId: ID,
      severity: 'high',
      ownerId: 'none',
      status: 'open',
      overdue: 'true',
      limit: 50,
      offset: 0,
    });
    expect(issuesOf(TasksQuerySchema.safeParse({ ownerId: 'me', overdue: 'yes' }))).toEqual([
      ['ownerId', "Use a user id, or 'none' for unassigned tasks"],
      ['overdue', "Use 'true' or 'false'"],
    ]);
  });
});
