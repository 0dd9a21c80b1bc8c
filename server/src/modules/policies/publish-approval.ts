import type { PublishApprovalSetting } from '#shared/schemas/publish-requests.js';
import type { Tx } from '../../db/client.js';
import type { UsersRepo } from '../users/users.repo.js';
import * as requests from './publish-requests.repo.js';

/** The users module's count, received as a dep by the services that decide the rule. */
export type AdminCounter = Pick<UsersRepo, 'countActiveAdmins'>;

/**
 * Whether publishing needs a second admin's approval: the organisation's explicit choice, else on from two
 * active admins (a lone admin has nobody to ask, so the rule would only block them).
 */
export const publishApproval = async (
  tx: Tx,
  orgId: string,
  users: AdminCounter,
): Promise<PublishApprovalSetting> => {
  const explicit = await requests.findApprovalSetting(tx, orgId);
  const activeAdmins = await users.countActiveAdmins(tx, orgId);
  const admins = activeAdmins === 1 ? 'one active administrator' : `${activeAdmins} active administrators`;
  if (explicit !== undefined) {
    return {
      required: explicit,
      source: 'explicit',
      activeAdmins,
      reason: explicit
        ? `An administrator turned on the rule: publishing needs a second administrator's approval (${admins}).`
        : 'An administrator turned off the rule: any administrator may publish directly.',
    };
  }
  const required = activeAdmins >= 2;
  return {
    required,
    source: 'default',
    activeAdmins,
    reason: required
      ? `On by default with two or more administrators (${admins}): publishing needs a second administrator's approval.`
      : `Off by default: with ${admins} there is nobody to approve, so an administrator publishes directly.`,
  };
};
