import { canEditTask, type TaskActor } from '#shared/domain/tasks/transitions.js';
import { TASK_STATUS_LABELS } from '#shared/schemas/tasks.js';
import type { Tx } from '../../db/client.js';
import { AppError, forbidden, unprocessable } from '../../lib/app-error.js';
import type { UsersRepo } from '../users/users.repo.js';
import { stateOf } from './tasks.mapping.js';
import type { TaskRow } from './tasks.repo.js';

// Checks shared by the task services: the owner is one of the organisation's active members; a task's fields
// are edited only while its work is not done.

/**
 * Refuses an owner who is not an active member of this organisation (422 naming `path`). A user of another
 * organisation gets the same words as an id that exists nowhere: nothing about other tenants leaks.
 */
export const checkOwner = async (
  tx: Tx,
  users: Pick<UsersRepo, 'findMember'>,
  orgId: string,
  ownerId: string | null | undefined,
  path = 'ownerId',
) => {
  if (!ownerId) return;
  const member = await users.findMember(tx, orgId, ownerId);
  if (!member) throw unprocessable(`No member of this organisation has the id ${ownerId}`, path);
  if (member.status !== 'active')
    throw unprocessable(`${member.name} is deactivated: choose an active member as the owner`, path);
};

/** Refuses an edit of a task that is done (closed, risk accepted): it is reopened first. */
export const checkEditable = (row: TaskRow, actor: TaskActor, path?: string) => {
  if (canEditTask(stateOf(row), actor)) return;
  if (actor.type === 'user' || actor.type === 'api_key') {
    if (actor.role === 'executive') throw forbidden('Your role is read-only: executives change no task');
  }
  const message = `This task is ${TASK_STATUS_LABELS[row.status].toLowerCase()}: reopen it before changing it`;
  throw new AppError('unprocessable', message, path ? [{ path, message }] : undefined);
};
