import type { TaskActor } from '#shared/domain/tasks/transitions.js';
import type { SessionInfo } from '#shared/schemas/auth.js';
import {
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskSeverity,
  type TaskStatus,
} from '#shared/schemas/tasks.js';
import type { BadgeTone } from '../../components/ui/badge.js';
import type { SelectOption } from '../../components/ui/field.js';

export const STATUS_LABELS = TASK_STATUS_LABELS;

/** The board's columns, left to right: the work in the order it flows, then the two ways out. */
export const BOARD_COLUMNS: readonly TaskStatus[] = TASK_STATUSES;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const satisfies readonly TaskSeverity[];

export const SEVERITY_LABELS: Record<TaskSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const SEVERITY_TONES: Record<TaskSeverity, BadgeTone> = {
  low: 'neutral',
  medium: 'warning',
  high: 'danger',
  critical: 'danger',
};

export const SEVERITY_OPTIONS: readonly SelectOption[] = SEVERITIES.map((s) => ({
  value: s,
  label: SEVERITY_LABELS[s],
}));

export const STATUS_TONES: Record<TaskStatus, BadgeTone> = {
  open: 'neutral',
  in_progress: 'accent',
  pending_verification: 'warning',
  closed: 'success',
  risk_accepted: 'neutral',
};

/** The signed-in person as the transitions table knows an actor. */
export const actorOf = (session: SessionInfo): TaskActor => ({
  type: 'user',
  id: session.user.id,
  role: session.role,
});
