import type { ErrorCode } from '../../errors.js';
import type { Role } from '../../roles.js';
import {
  isActiveTaskStatus,
  riskExpiryProblem,
  TASK_STATUS_LABELS,
  type Task,
  type TaskStatus,
} from '../../schemas/tasks.js';

// The one table of who may move a remediation task where (issue 10). The server enforces it (checkTransition
// before every change) and the dashboard reads it (allowedTransitions) to show only the buttons that will
// work. Pure: no clock (callers pass `today`), no I/O.

/**
 * Who is acting. A signed-in user and an API key carry their role in the organisation; the supplier acts
 * through its portal link (`id`: the questionnaire assignment whose link was used, as the audit trail names
 * that actor); `system` is the platform's own job (reopening an expired risk acceptance).
 */
export type TaskActor =
  | { type: 'user'; id: string; role: Role }
  | { type: 'api_key'; id: string; role: Role }
  | { type: 'supplier_link'; id: string }
  | { type: 'system' };

/** An actor as a task records it (who moved it to pending_verification). */
export type TaskActorKey = { type: 'user' | 'api_key' | 'supplier_link'; id: string };

/** What of a task the rules read. */
export interface TaskState {
  status: TaskStatus;
  supplierVisible: boolean;
  /** Who moved it to pending_verification (null when it never was, or it is not there now). */
  submittedForVerificationBy: TaskActorKey | null;
  /** The last day a risk acceptance holds (status risk_accepted). */
  riskAcceptedUntil: string | null;
}

/** What the rules read of a task as the API returns it (the dashboard's way to the buttons). */
export const taskStateOf = (task: Task): TaskState => {
  const by = task.submittedForVerification?.by;
  return {
    status: task.status,
    supplierVisible: task.supplierVisible,
    submittedForVerificationBy:
      task.status === 'pending_verification' && by && by.type !== 'system' && by.id !== null
        ? { type: by.type, id: by.id }
        : null,
    riskAcceptedUntil: task.riskAcceptance?.until ?? null,
  };
};

/** What a move asks for besides `to`: a reason (`comment`), or a justification and an expiry day. */
export type TaskNeed = 'comment' | 'justification' | 'expiry';

/** Who a rule lets move a task: by role (admin, officer), the supplier's link, or the platform's job. */
export type TaskMover = 'admin' | 'officer' | 'supplier' | 'system';

export interface TransitionRule {
  from: TaskStatus;
  to: TaskStatus;
  /** The button's words. */
  label: string;
  by: readonly TaskMover[];
  needs: readonly TaskNeed[];
  /** A judgement a named person answers for: a signed-in user, not an API key. */
  person?: true;
  /** Four eyes: not by the actor who moved the task to pending_verification. */
  notBySubmitter?: true;
  /** Only once the risk acceptance has run out (the day after `riskAcceptedUntil`). */
  onlyWhenExpired?: true;
}

const STAFF = ['admin', 'officer'] as const;
const WITH_SUPPLIER = ['admin', 'officer', 'supplier'] as const;

/**
 * Every move a task can make. An executive moves nothing (read-only everywhere). The supplier, through its
 * link, only marks its supplier-visible task done (→ pending_verification); it also comments and uploads
 * evidence (canComment). Closing is verifying: someone other than whoever marked it done. Accepting a risk
 * is an administrator's, with a justification and an expiry; the platform reopens it the day after.
 */
export const TASK_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'open', to: 'in_progress', label: 'Start', by: STAFF, needs: [] },
  { from: 'in_progress', to: 'open', label: 'Move back to open', by: STAFF, needs: [] },
  { from: 'open', to: 'pending_verification', label: 'Mark done', by: WITH_SUPPLIER, needs: [] },
  { from: 'in_progress', to: 'pending_verification', label: 'Mark done', by: WITH_SUPPLIER, needs: [] },
  {
    from: 'pending_verification',
    to: 'closed',
    label: 'Verify and close',
    by: STAFF,
    needs: [],
    person: true,
    notBySubmitter: true,
  },
  {
    from: 'pending_verification',
    to: 'in_progress',
    label: 'Send back',
    by: STAFF,
    needs: ['comment'],
  },
  { from: 'closed', to: 'open', label: 'Reopen', by: STAFF, needs: ['comment'] },
  { from: 'risk_accepted', to: 'open', label: 'Reopen', by: STAFF, needs: ['comment'] },
  ...(['open', 'in_progress', 'pending_verification'] as const).map(
    (from): TransitionRule => ({
      from,
      to: 'risk_accepted',
      label: 'Accept the risk',
      by: ['admin'],
      needs: ['justification', 'expiry'],
      person: true,
    }),
  ),
  {
    from: 'risk_accepted',
    to: 'open',
    label: 'Reopen (risk acceptance expired)',
    by: ['system'],
    needs: [],
    onlyWhenExpired: true,
  },
];

/**
 * The job that ends risk acceptances, as data: each day it moves every task in `from` whose
 * `riskAcceptedUntil` is before that day to `to`, as the system actor (TASK_TRANSITIONS allows it only then).
 */
export const RISK_ACCEPTANCE_EXPIRY = {
  from: 'risk_accepted',
  to: 'open',
  actor: { type: 'system' } as const,
  /** The acceptance holds through `riskAcceptedUntil`; the task reopens on the first day after it. */
  expiredOn: (riskAcceptedUntil: string, today: string) => riskAcceptedUntil < today,
} as const satisfies { from: TaskStatus; to: TaskStatus; actor: TaskActor; expiredOn: unknown };

/** True when a risk-accepted task's acceptance has run out on `today` (the job reopens it). */
export const riskAcceptanceExpired = (task: TaskState, today: string): boolean =>
  task.status === RISK_ACCEPTANCE_EXPIRY.from &&
  task.riskAcceptedUntil !== null &&
  RISK_ACCEPTANCE_EXPIRY.expiredOn(task.riskAcceptedUntil, today);

/** Why a move is refused. */
export type TransitionRefusal =
  | 'same_status'
  | 'no_such_transition'
  | 'read_only'
  | 'not_allowed'
  | 'admin_only'
  | 'not_supplier_visible'
  | 'person_required'
  | 'four_eyes'
  | 'not_expired'
  | 'comment_required'
  | 'justification_required'
  | 'expiry_required'
  | 'expiry_invalid';

/** The API error each refusal answers with (a missing field is a validation error on that field). */
export const TRANSITION_REFUSAL_ERROR: Record<TransitionRefusal, ErrorCode> = {
  same_status: 'unprocessable',
  no_such_transition: 'unprocessable',
  read_only: 'forbidden',
  not_allowed: 'forbidden',
  admin_only: 'forbidden',
  // The portal never shows a task that is not supplier-visible: to the supplier it does not exist.
  not_supplier_visible: 'not_found',
  person_required: 'forbidden',
  four_eyes: 'forbidden',
  not_expired: 'unprocessable',
  comment_required: 'validation_failed',
  justification_required: 'validation_failed',
  expiry_required: 'validation_failed',
  expiry_invalid: 'validation_failed',
};

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | {
      ok: false;
      code: TransitionRefusal;
      message: string;
      /** The input field at fault, for a form to show the message at. */
      field?: 'comment' | 'justification' | 'riskAcceptedUntil';
    };

/** What a move was sent with (TaskTransitionSchema's fields). */
export interface TransitionInput {
  comment?: string | undefined;
  justification?: string | undefined;
  riskAcceptedUntil?: string | undefined;
}

const label = (s: TaskStatus) => TASK_STATUS_LABELS[s].toLowerCase();

const moverOf = (actor: TaskActor): TaskMover | 'executive' => {
  if (actor.type === 'supplier_link') return 'supplier';
  if (actor.type === 'system') return 'system';
  return actor.role;
};

const sameActor = (a: TaskActor, b: TaskActorKey): boolean => a.type === b.type && 'id' in a && a.id === b.id;

type Refusal = Extract<TransitionCheck, { ok: false }>;
const refuse = (code: TransitionRefusal, message: string, field?: Refusal['field']): Refusal =>
  field ? { ok: false, code, message, field } : { ok: false, code, message };

/** Whether `actor` may make the move `rule` on `task`, the input aside. */
const actorRefusal = (rule: TransitionRule, task: TaskState, actor: TaskActor, today: string) => {
  const mover = moverOf(actor);
  if (mover === 'executive') return refuse('read_only', 'Your role is read-only: executives change no task');
  if (mover === 'supplier' && !task.supplierVisible)
    return refuse('not_supplier_visible', 'This task is not shared with the supplier');
  if (!rule.by.includes(mover)) {
    if (rule.by.length === 1 && rule.by[0] === 'admin' && mover === 'officer')
      return refuse('admin_only', 'Only an administrator can accept a risk');
    if (mover === 'supplier')
      return refuse(
        'not_allowed',
        'Through the portal a task can only be marked done, commented on or given evidence',
      );
    if (rule.onlyWhenExpired)
      return refuse(
        'not_allowed',
        'Only the platform reopens an expired risk acceptance: reopen it with a reason',
      );
    return refuse(
      'not_allowed',
      `${rule.label} is not a move for ${mover === 'system' ? 'the platform' : 'your role'}`,
    );
  }
  if (rule.person && actor.type !== 'user')
    return refuse('person_required', `${rule.label}: a signed-in person must do this, not an API key`);
  if (
    rule.notBySubmitter &&
    task.submittedForVerificationBy &&
    sameActor(actor, task.submittedForVerificationBy)
  )
    return refuse('four_eyes', 'You marked this task done: someone else must verify and close it');
  if (rule.onlyWhenExpired && !riskAcceptanceExpired(task, today))
    return refuse('not_expired', 'The risk acceptance has not expired yet');
  return undefined;
};

const rulesFrom = (status: TaskStatus, to?: TaskStatus) =>
  TASK_TRANSITIONS.filter((r) => r.from === status && (to === undefined || r.to === to));

/**
 * The moves `actor` may make on `task` now, with what each needs: the buttons to show. A move with several
 * rules (a reopen by staff or by the platform) is listed once.
 */
export const allowedTransitions = (
  task: TaskState,
  actor: TaskActor,
  today: string,
): { to: TaskStatus; label: string; needs: TaskNeed[] }[] => {
  const out: { to: TaskStatus; label: string; needs: TaskNeed[] }[] = [];
  for (const rule of rulesFrom(task.status)) {
    if (out.some((o) => o.to === rule.to)) continue;
    if (!actorRefusal(rule, task, actor, today))
      out.push({ to: rule.to, label: rule.label, needs: [...rule.needs] });
  }
  return out;
};

/** Whether `actor` may move `task` to `to` with `input`; the refusal says why, in words a form can show. */
export const checkTransition = (
  task: TaskState,
  actor: TaskActor,
  to: TaskStatus,
  input: TransitionInput,
  today: string,
): TransitionCheck => {
  if (moverOf(actor) === 'executive')
    return refuse('read_only', 'Your role is read-only: executives change no task');
  if (task.status === to) return refuse('same_status', `The task is already ${label(to)}`);
  const rules = rulesFrom(task.status, to);
  if (rules.length === 0)
    return refuse('no_such_transition', `A task cannot go from ${label(task.status)} to ${label(to)}`);
  // The first rule the actor passes decides; otherwise the refusal of the first rule meant for this kind of
  // actor (a person rather than the platform), so the message speaks to them.
  let refusal: Refusal | undefined;
  let rule: TransitionRule | undefined;
  for (const r of rules) {
    const why = actorRefusal(r, task, actor, today);
    if (!why) {
      rule = r;
      break;
    }
    if (!refusal || (refusal.code === 'not_allowed' && why.code !== 'not_allowed')) refusal = why;
  }
  if (!rule) return refusal!;
  if (rule.needs.includes('comment') && !input.comment?.trim())
    return refuse('comment_required', `${rule.label}: say why in a comment`, 'comment');
  if (rule.needs.includes('justification') && !input.justification?.trim())
    return refuse(
      'justification_required',
      'Explain why the risk is accepted rather than fixed',
      'justification',
    );
  if (rule.needs.includes('expiry')) {
    if (!input.riskAcceptedUntil)
      return refuse(
        'expiry_required',
        'Choose the day the acceptance ends: after it, the task reopens',
        'riskAcceptedUntil',
      );
    const problem = riskExpiryProblem(input.riskAcceptedUntil, today);
    if (problem) return refuse('expiry_invalid', problem, 'riskAcceptedUntil');
  }
  return { ok: true, rule };
};

/**
 * Whether `actor` may comment on `task` and add evidence to it: staff always; the supplier on its
 * supplier-visible tasks; an executive and the platform never.
 */
export const canComment = (task: Pick<TaskState, 'supplierVisible'>, actor: TaskActor): boolean => {
  const mover = moverOf(actor);
  return mover === 'admin' || mover === 'officer' || (mover === 'supplier' && task.supplierVisible);
};
export const canAddEvidence = canComment;

/**
 * Whether `actor` may edit the task's fields (PATCH, bulk actions): staff, while the work is not done. A
 * closed or risk-accepted task is reopened first, so its verified or accepted state is never edited under it.
 */
export const canEditTask = (task: Pick<TaskState, 'status'>, actor: TaskActor): boolean => {
  const mover = moverOf(actor);
  return (mover === 'admin' || mover === 'officer') && isActiveTaskStatus(task.status);
};
