import { RISK_ACCEPTANCE_EXPIRY } from '#shared/domain/tasks/transitions.js';
import { type Task, todayUtc } from '#shared/schemas/tasks.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import { toTask } from './tasks.mapping.js';
import * as repo from './tasks.repo.js';
import { moveTask } from './tasks.workflow.js';

// What the platform's own jobs (reminders, escalation, risk-acceptance expiry) use of remediation tasks: the
// jobs live elsewhere; the rules and the writes stay here, so a job moves a task exactly as a request does.

export const createTaskJobs = ({ db }: { db: Db }) => {
  /**
   * Reopens one task whose risk acceptance ran out before `today`, as the `system` actor (the transitions
   * table allows the platform only this move, and only then), with the reason in the thread, the finding
   * open again and both audited. Answers false when the task is not (or no longer) an expired acceptance.
   */
  const reopenExpiredRiskAcceptance = (orgId: string, taskId: string, today = todayUtc()) =>
    withTenant(db, orgId, async (tx) => {
      const row = await repo.findTask(tx, orgId, taskId, { lock: true });
      if (!row || row.status !== RISK_ACCEPTANCE_EXPIRY.from || !row.riskAcceptedUntil) return false;
      if (!RISK_ACCEPTANCE_EXPIRY.expiredOn(row.riskAcceptedUntil, today)) return false;
      await moveTask(tx, row, {
        orgId,
        actor: SYSTEM_ACTOR,
        taskActor: RISK_ACCEPTANCE_EXPIRY.actor,
        input: { to: RISK_ACCEPTANCE_EXPIRY.to },
        expected: undefined,
        today,
        systemReason: `The risk acceptance ended on ${row.riskAcceptedUntil}: the task is open again`,
      });
      return true;
    });

  return {
    reopenExpiredRiskAcceptance,

    /** Reopens every expired risk acceptance of the organisation (one transaction each); answers their ids. */
    async reopenExpiredRiskAcceptances(orgId: string, today = todayUtc()): Promise<string[]> {
      const due = await withTenant(db, orgId, (tx) => repo.listExpiredRiskAcceptances(tx, orgId, today));
      const reopened: string[] = [];
      for (const { id } of due) if (await reopenExpiredRiskAcceptance(orgId, id, today)) reopened.push(id);
      return reopened;
    },

    /** The organisation's overdue tasks on `today` (not done, past their due date), soonest-due first. */
    async listOverdueTasks(orgId: string, today = todayUtc()): Promise<Task[]> {
      const rows = await withTenant(db, orgId, (tx) => repo.listOverdue(tx, orgId, today));
      return rows.map((r) => toTask(r, today));
    },
  };
};

export type TaskJobs = ReturnType<typeof createTaskJobs>;
