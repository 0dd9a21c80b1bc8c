import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../schemas/tasks.js';
import {
  allowedTransitions,
  canAddEvidence,
  canComment,
  canEditTask,
  checkTransition,
  RISK_ACCEPTANCE_EXPIRY,
  riskAcceptanceExpired,
  TASK_TRANSITIONS,
  type TaskActor,
  type TaskState,
  TRANSITION_REFUSAL_ERROR,
  taskStateOf,
} from './transitions.js';

const TODAY = '2026-11-30';
const admin: TaskActor = { type: 'user', id: 'u-admin', role: 'admin' };
const admin2: TaskActor = { type: 'user', id: 'u-admin2', role: 'admin' };
const officer: TaskActor = { type: 'user', id: 'u-officer', role: 'officer' };
const officer2: TaskActor = { type: 'user', id: 'u-officer2', role: 'officer' };
const executive: TaskActor = { type: 'user', id: 'u-exec', role: 'executive' };
const adminKey: TaskActor = { type: 'api_key', id: 'k-admin', role: 'admin' };
const officerKey: TaskActor = { type: 'api_key', id: 'k-officer', role: 'officer' };
const executiveKey: TaskActor = { type: 'api_key', id: 'k-exec', role: 'executive' };
const supplier: TaskActor = { type: 'supplier_link', id: 'a-1' };
const system: TaskActor = { type: 'system' };

const task = (status: TaskStatus, over: Partial<TaskState> = {}): TaskState => ({
  status,
  supplierVisible: true,
  submittedForVerificationBy: null,
  riskAcceptedUntil: null,
  ...over,
});
const pending = (by: TaskState['submittedForVerificationBy']) =>
  task('pending_verification', { submittedForVerificationBy: by });
const ACCEPT = { justification: 'Sole supplier; audited yearly', riskAcceptedUntil: '2027-06-30' };
const targets = (t: TaskState, a: TaskActor) => allowedTransitions(t, a, TODAY).map((m) => m.to);

describe('the table', () => {
  it('names only known statuses, and every status has a way out', () => {
    for (const r of TASK_TRANSITIONS) {
      expect(TASK_STATUSES).toContain(r.from);
      expect(TASK_STATUSES).toContain(r.to);
      expect(r.from).not.toBe(r.to);
    }
    for (const s of TASK_STATUSES) expect(TASK_TRANSITIONS.some((r) => r.from === s)).toBe(true);
  });

  it('maps every refusal to an API error', () => {
    const codes = new Set(Object.keys(TRANSITION_REFUSAL_ERROR));
    expect(codes.size).toBe(13);
  });
});

describe('what each role may do (allowedTransitions)', () => {
  it.each<[string, TaskState, TaskActor, TaskStatus[]]>([
    ['officer, open', task('open'), officer, ['in_progress', 'pending_verification']],
    ['admin, open', task('open'), admin, ['in_progress', 'pending_verification', 'risk_accepted']],
    ['officer, in progress', task('in_progress'), officer, ['open', 'pending_verification']],
    ['admin, in progress', task('in_progress'), admin, ['open', 'pending_verification', 'risk_accepted']],
    [
      'officer, pending (someone else marked it)',
      pending({ type: 'supplier_link', id: 'a-1' }),
      officer,
      ['closed', 'in_progress'],
    ],
    [
      'admin, pending',
      pending({ type: 'user', id: 'u-officer' }),
      admin,
      ['closed', 'in_progress', 'risk_accepted'],
    ],
    ['officer, closed', task('closed'), officer, ['open']],
    ['admin, risk accepted', task('risk_accepted', { riskAcceptedUntil: '2027-01-01' }), admin, ['open']],
    ['officer, risk accepted', task('risk_accepted', { riskAcceptedUntil: '2027-01-01' }), officer, ['open']],
  ])('%s', (_name, t, actor, expected) => {
    expect(targets(t, actor)).toEqual(expected);
  });

  it('says what each move needs, for the form behind the button', () => {
    const moves = allowedTransitions(task('closed'), officer, TODAY);
    expect(moves).toEqual([{ to: 'open', label: 'Reopen', needs: ['comment'] }]);
    const accept = allowedTransitions(task('open'), admin, TODAY).find((m) => m.to === 'risk_accepted');
    expect(accept?.needs).toEqual(['justification', 'expiry']);
    const sendBack = allowedTransitions(pending(null), officer, TODAY).find((m) => m.to === 'in_progress');
    expect(sendBack?.needs).toEqual(['comment']);
  });

  it('an executive changes nothing, signed in or by API key', () => {
    for (const s of TASK_STATUSES) {
      for (const a of [executive, executiveKey]) {
        expect(targets(task(s, { riskAcceptedUntil: '2020-01-01' }), a)).toEqual([]);
        for (const to of TASK_STATUSES) {
          if (to === s) continue;
          const r = checkTransition(task(s), a, to, { comment: 'x', ...ACCEPT }, TODAY);
          expect(r).toMatchObject({ ok: false, code: 'read_only' });
        }
      }
    }
  });

  it('the supplier only marks its supplier-visible task done', () => {
    expect(targets(task('open'), supplier)).toEqual(['pending_verification']);
    expect(targets(task('in_progress'), supplier)).toEqual(['pending_verification']);
    for (const s of ['pending_verification', 'closed', 'risk_accepted'] as const)
      expect(targets(task(s, { riskAcceptedUntil: '2020-01-01' }), supplier)).toEqual([]);
    for (const s of TASK_STATUSES) expect(targets(task(s, { supplierVisible: false }), supplier)).toEqual([]);
  });

  it('the platform only reopens an expired risk acceptance', () => {
    expect(targets(task('risk_accepted', { riskAcceptedUntil: '2026-11-29' }), system)).toEqual(['open']);
    expect(targets(task('risk_accepted', { riskAcceptedUntil: TODAY }), system)).toEqual([]);
    for (const s of ['open', 'in_progress', 'pending_verification', 'closed'] as const)
      expect(targets(task(s), system)).toEqual([]);
  });

  it('API keys make the routine moves, not the judgements (closing, accepting a risk)', () => {
    expect(targets(task('open'), adminKey)).toEqual(['in_progress', 'pending_verification']);
    expect(targets(pending(null), officerKey)).toEqual(['in_progress']);
  });
});

describe('checkTransition', () => {
  it('accepts the happy path open → in progress → pending → closed by two people', () => {
    expect(checkTransition(task('open'), officer, 'in_progress', {}, TODAY).ok).toBe(true);
    expect(checkTransition(task('in_progress'), officer, 'pending_verification', {}, TODAY).ok).toBe(true);
    const p = pending({ type: 'user', id: 'u-officer' });
    expect(checkTransition(p, officer2, 'closed', {}, TODAY).ok).toBe(true);
  });

  describe('four eyes: closing is verifying by someone other than whoever marked it done', () => {
    it('refuses the user who marked it done, whatever their role', () => {
      for (const who of [officer, admin]) {
        const p = pending({ type: 'user', id: (who as { id: string }).id });
        expect(checkTransition(p, who, 'closed', {}, TODAY)).toEqual({
          ok: false,
          code: 'four_eyes',
          message: 'You marked this task done: someone else must verify and close it',
        });
        expect(targets(p, who)).not.toContain('closed');
        // They may still send it back or (an admin) accept the risk.
        expect(checkTransition(p, who, 'in_progress', { comment: 'not yet' }, TODAY).ok).toBe(true);
      }
      expect(checkTransition(pending({ type: 'user', id: 'u-admin' }), admin2, 'closed', {}, TODAY).ok).toBe(
        true,
      );
    });

    it('lets any user verify what the supplier or an API key marked done', () => {
      expect(
        checkTransition(pending({ type: 'supplier_link', id: 'a-1' }), officer, 'closed', {}, TODAY).ok,
      ).toBe(true);
      expect(
        checkTransition(pending({ type: 'api_key', id: 'k-officer' }), officer, 'closed', {}, TODAY).ok,
      ).toBe(true);
    });

    it('compares the actor by kind and id: a user whose id equals a link id is someone else', () => {
      const p = pending({ type: 'supplier_link', id: 'u-officer' });
      expect(checkTransition(p, officer, 'closed', {}, TODAY).ok).toBe(true);
    });

    it('needs a signed-in person to verify: an API key cannot close', () => {
      expect(checkTransition(pending(null), officerKey, 'closed', {}, TODAY)).toMatchObject({
        ok: false,
        code: 'person_required',
      });
    });
  });

  describe('risk acceptance: admin only, with a justification and an expiry in the future', () => {
    it('accepts an admin with both', () => {
      for (const s of ['open', 'in_progress', 'pending_verification'] as const)
        expect(checkTransition(task(s), admin, 'risk_accepted', ACCEPT, TODAY).ok).toBe(true);
    });

    it('refuses an officer, an API key (even an admin one), the supplier and the platform', () => {
      expect(checkTransition(task('open'), officer, 'risk_accepted', ACCEPT, TODAY)).toEqual({
        ok: false,
        code: 'admin_only',
        message: 'Only an administrator can accept a risk',
      });
      expect(checkTransition(task('open'), adminKey, 'risk_accepted', ACCEPT, TODAY)).toMatchObject({
        code: 'person_required',
      });
      expect(checkTransition(task('open'), supplier, 'risk_accepted', ACCEPT, TODAY)).toMatchObject({
        code: 'not_allowed',
      });
      expect(checkTransition(task('open'), system, 'risk_accepted', ACCEPT, TODAY)).toMatchObject({
        code: 'not_allowed',
      });
    });

    it.each([
      [{ riskAcceptedUntil: '2027-01-01' }, 'justification_required', 'justification'],
      [{ justification: '   ', riskAcceptedUntil: '2027-01-01' }, 'justification_required', 'justification'],
      [{ justification: 'why' }, 'expiry_required', 'riskAcceptedUntil'],
      [{ justification: 'why', riskAcceptedUntil: TODAY }, 'expiry_invalid', 'riskAcceptedUntil'],
      [{ justification: 'why', riskAcceptedUntil: '2026-01-01' }, 'expiry_invalid', 'riskAcceptedUntil'],
      [{ justification: 'why', riskAcceptedUntil: '2035-01-01' }, 'expiry_invalid', 'riskAcceptedUntil'],
    ])('refuses %j with %s at %s', (input, code, field) => {
      const r = checkTransition(task('open'), admin, 'risk_accepted', input, TODAY);
      expect(r).toMatchObject({ ok: false, code, field });
      expect(r.ok ? '' : r.message.length).toBeGreaterThan(10);
    });

    it('accepts an expiry tomorrow and three years ahead, not a day more', () => {
      const at = (d: string) =>
        checkTransition(
          task('open'),
          admin,
          'risk_accepted',
          { justification: 'why', riskAcceptedUntil: d },
          TODAY,
        ).ok;
      expect(at('2026-12-01')).toBe(true);
      expect(at('2029-11-30')).toBe(true);
      expect(at('2029-12-01')).toBe(false);
    });

    it('cannot accept the risk of a closed task (it is fixed), nor accept it twice', () => {
      expect(checkTransition(task('closed'), admin, 'risk_accepted', ACCEPT, TODAY)).toMatchObject({
        code: 'no_such_transition',
      });
      expect(checkTransition(task('risk_accepted'), admin, 'risk_accepted', ACCEPT, TODAY)).toMatchObject({
        code: 'same_status',
      });
    });
  });

  describe('expiry of a risk acceptance (the job, as data)', () => {
    const accepted = (until: string) => task('risk_accepted', { riskAcceptedUntil: until });

    it('holds through its last day and reopens the day after', () => {
      expect(riskAcceptanceExpired(accepted(TODAY), TODAY)).toBe(false);
      expect(riskAcceptanceExpired(accepted('2026-11-29'), TODAY)).toBe(true);
      expect(riskAcceptanceExpired(task('open', { riskAcceptedUntil: '2020-01-01' }), TODAY)).toBe(false);
      expect(RISK_ACCEPTANCE_EXPIRY).toMatchObject({ from: 'risk_accepted', to: 'open' });
    });

    it('the platform reopens without a comment once expired, and not before', () => {
      const { to, actor } = RISK_ACCEPTANCE_EXPIRY;
      expect(checkTransition(accepted('2026-11-29'), actor, to, {}, TODAY).ok).toBe(true);
      expect(checkTransition(accepted(TODAY), actor, to, {}, TODAY)).toMatchObject({ code: 'not_expired' });
    });
  });

  describe('reopening and sending back need a reason', () => {
    it.each<[TaskStatus, TaskStatus]>([
      ['closed', 'open'],
      ['risk_accepted', 'open'],
      ['pending_verification', 'in_progress'],
    ])('%s → %s', (from, to) => {
      const t = task(from, { riskAcceptedUntil: '2027-01-01' });
      expect(checkTransition(t, officer, to, {}, TODAY)).toMatchObject({
        ok: false,
        code: 'comment_required',
        field: 'comment',
      });
      expect(checkTransition(t, officer, to, { comment: '  ' }, TODAY)).toMatchObject({
        code: 'comment_required',
      });
      expect(checkTransition(t, officer, to, { comment: 'Evidence was a draft' }, TODAY).ok).toBe(true);
    });

    it('the officer reopening an unexpired acceptance is told about the reason, not about the platform', () => {
      const t = task('risk_accepted', { riskAcceptedUntil: '2027-01-01' });
      expect(checkTransition(t, officer, 'open', {}, TODAY)).toMatchObject({ code: 'comment_required' });
    });
  });

  describe('the supplier', () => {
    it('marks its supplier-visible task done from open or in progress', () => {
      expect(checkTransition(task('open'), supplier, 'pending_verification', {}, TODAY).ok).toBe(true);
      expect(checkTransition(task('in_progress'), supplier, 'pending_verification', {}, TODAY).ok).toBe(true);
    });

    it('cannot touch a task that is not shared with it (it does not exist to the supplier)', () => {
      const r = checkTransition(
        task('open', { supplierVisible: false }),
        supplier,
        'pending_verification',
        {},
        TODAY,
      );
      expect(r).toMatchObject({ ok: false, code: 'not_supplier_visible' });
      expect(TRANSITION_REFUSAL_ERROR.not_supplier_visible).toBe('not_found');
    });

    it('makes no other move', () => {
      for (const [from, to] of [
        ['open', 'in_progress'],
        ['in_progress', 'open'],
        ['pending_verification', 'closed'],
        ['pending_verification', 'in_progress'],
        ['closed', 'open'],
      ] as const)
        expect(checkTransition(task(from), supplier, to, { comment: 'x' }, TODAY)).toMatchObject({
          ok: false,
          code: 'not_allowed',
        });
    });
  });

  it('refuses moves that do not exist, and a move to the same status', () => {
    expect(checkTransition(task('open'), admin, 'closed', {}, TODAY)).toEqual({
      ok: false,
      code: 'no_such_transition',
      message: 'A task cannot go from open to closed (verified)',
    });
    expect(checkTransition(task('closed'), admin, 'in_progress', {}, TODAY)).toMatchObject({
      code: 'no_such_transition',
    });
    expect(checkTransition(task('open'), admin, 'open', {}, TODAY)).toMatchObject({ code: 'same_status' });
  });

  it('agrees with allowedTransitions: every listed move passes with what it needs', () => {
    const actors = [admin, officer, executive, adminKey, officerKey, supplier, system];
    for (const status of TASK_STATUSES)
      for (const visible of [true, false])
        for (const actor of actors)
          for (const by of [null, { type: 'user' as const, id: 'u-officer' }]) {
            const t = task(status, {
              supplierVisible: visible,
              submittedForVerificationBy: by,
              riskAcceptedUntil: '2026-11-01',
            });
            const listed = targets(t, actor);
            for (const to of TASK_STATUSES) {
              const ok = checkTransition(t, actor, to, { comment: 'why', ...ACCEPT }, TODAY).ok;
              expect(ok, `${actor.type} ${status} → ${to}`).toBe(listed.includes(to));
            }
          }
  });
});

describe('comments, evidence and edits', () => {
  it.each<[string, TaskActor, boolean, boolean]>([
    ['admin', admin, true, true],
    ['officer', officer, true, true],
    ['officer API key', officerKey, true, true],
    ['executive', executive, false, false],
    ['supplier', supplier, true, false],
    ['platform', system, false, false],
  ])('%s: comment on a shared task %s, on an unshared one %s', (_n, actor, shared, unshared) => {
    expect(canComment(task('open'), actor)).toBe(shared);
    expect(canAddEvidence(task('open'), actor)).toBe(shared);
    expect(canComment(task('open', { supplierVisible: false }), actor)).toBe(unshared);
  });

  it('staff edit a task while its work is not done; nobody edits a closed or accepted one', () => {
    for (const s of ['open', 'in_progress', 'pending_verification'] as const) {
      expect(canEditTask(task(s), officer)).toBe(true);
      expect(canEditTask(task(s), executive)).toBe(false);
      expect(canEditTask(task(s), supplier)).toBe(false);
    }
    for (const s of ['closed', 'risk_accepted'] as const) expect(canEditTask(task(s), admin)).toBe(false);
  });
});

describe('taskStateOf: the rules read a task as the API returns it', () => {
  const base: Task = {
    id: '0c9a4f2e-8d6b-4c1a-9e3f-2b7d5a6c8e01',
    supplierId: '1d8b5e3f-9e7c-4d2b-8f4a-3c8e6b7d9f12',
    supplierName: 'Mill',
    findingId: null,
    criterion: null,
    title: 'Return passports',
    description: '',
    severity: 'critical',
    ownerId: null,
    ownerName: null,
    dueDate: '2026-12-14',
    overdue: false,
    supplierVisible: true,
    status: 'pending_verification',
    submittedForVerification: {
      by: { type: 'user', id: 'u-officer', label: 'Officer' },
      at: '2026-11-30T10:00:00Z',
    },
    riskAcceptance: null,
    closed: null,
    createdBy: null,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-30T10:00:00Z',
    revision: 3,
  };

  it('the submitter of a task waiting for verification cannot close it; another officer can', () => {
    const state = taskStateOf(base);
    expect(state.submittedForVerificationBy).toEqual({ type: 'user', id: 'u-officer' });
    expect(targets(state, officer)).toEqual(['in_progress']);
    expect(targets(state, officer2)).toEqual(['closed', 'in_progress']);
  });

  it('forgets the submitter once the task has moved on, and reads the acceptance end', () => {
    expect(taskStateOf({ ...base, status: 'closed' }).submittedForVerificationBy).toBeNull();
    const accepted = taskStateOf({
      ...base,
      status: 'risk_accepted',
      riskAcceptance: {
        justification: 'why',
        until: '2026-11-29',
        acceptedBy: { type: 'user', id: 'u-admin', label: 'Admin' },
        acceptedAt: '2026-06-01T10:00:00Z',
      },
    });
    expect(riskAcceptanceExpired(accepted, TODAY)).toBe(true);
  });
});
