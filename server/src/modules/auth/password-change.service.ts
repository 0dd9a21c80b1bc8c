import type { PasswordChange, PasswordChanged } from '#shared/schemas/auth.js';
import type { Db } from '../../db/client.js';
import { enterTenant, withTenant } from '../../db/tenant.js';
import { AppError, forbidden, unauthenticated } from '../../lib/app-error.js';
import type { RequestCtx } from '../../lib/context.js';
import { sha256Hex } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { UsersRepo } from '../users/users.repo.js';
import { listSessionMemberships, revokeOtherSessionsInOrg } from './auth.repo.js';
import type { LoginThrottle } from './login-throttle.js';
import { assertStrongPassword } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';

const refused = (path: keyof PasswordChange, message: string) =>
  new AppError('validation_failed', message, [{ path, message }]);

/** People change their own password: the current one proves it is them, not someone at an unlocked screen. */
interface Deps {
  db: Db;
  throttle: LoginThrottle;
  /** The password hash is the users module's column. */
  users: Pick<UsersRepo, 'findPasswordHolder' | 'setOwnPasswordHash'>;
}

export const createPasswordChangeService = ({ db, throttle, users }: Deps) => ({
  /**
   * Checks the current password (a wrong one counts as a failed sign-in, so a borrowed session cannot be
   * used to guess it), checks the new one's strength, stores it, and ends the person's other sessions in
   * every organisation: a password is changed most often because someone else may know it.
   */
  async change(
    ctx: RequestCtx,
    sessionToken: string | null,
    input: PasswordChange,
    clientAddress: string,
  ): Promise<PasswordChanged> {
    const { userId, sessionId } = ctx;
    if (ctx.via !== 'session' || !userId || !sessionId || !sessionToken) {
      throw forbidden('An API key has no password: sign in as the person whose password this is');
    }
    const holder = await withTenant(db, ctx.orgId, (tx) => users.findPasswordHolder(tx, ctx.orgId, userId));
    if (!holder) throw unauthenticated();

    const attempt = await throttle.begin(clientAddress, holder.email);
    if (!(await verifyPassword(holder.passwordHash, input.currentPassword))) {
      throw refused('currentPassword', 'This is not your current password');
    }
    await attempt.succeeded();
    if (input.newPassword === input.currentPassword) {
      throw refused('newPassword', 'Choose a password different from your current one');
    }
    await assertStrongPassword(input.newPassword, holder, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    const tokenHash = sha256Hex(sessionToken);
    const orgIds = (await listSessionMemberships(db, tokenHash)).map((m) => m.org.id);

    const otherSessionsEnded = await db.transaction(async (raw) => {
      // The request role may end sessions only inside the organisation it acts for: visit each of the
      // person's organisations in turn (all in this one transaction), then record the change in this one.
      let ended = 0;
      for (const orgId of orgIds) {
        ended += await revokeOtherSessionsInOrg(await enterTenant(raw, orgId), userId, orgId, sessionId);
      }
      const tx = await enterTenant(raw, ctx.orgId);
      // The session ended (signed out elsewhere) since it was checked: nothing is changed.
      if ((await users.setOwnPasswordHash(tx, tokenHash, passwordHash)) !== userId) throw unauthenticated();
      await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: userId,
        payload: { userId, otherSessionsEnded: ended },
      });
      return ended;
    });
    return { ok: true, otherSessionsEnded };
  },
});

export type PasswordChangeService = ReturnType<typeof createPasswordChangeService>;
