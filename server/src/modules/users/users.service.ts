import { randomUUID } from 'node:crypto';
import type { AccountLinkIssued } from '#shared/schemas/account-links.js';
import type { User, UserCreate, UsersQuery, UserUpdate } from '#shared/schemas/users.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { conflict, notFound } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/pg-errors.js';
import { checkRevision, written } from '../../lib/revision.js';
import { randomToken } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { AccountLinks } from '../auth/account-links.service.js';
import type { AuthRepo } from '../auth/auth.repo.js';
import { assertStrongPassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import type { Outbox } from '../mail/mail.outbox.js';
import { findOrganizationName } from '../orgs/orgs.repo.js';
import * as repo from './users.repo.js';

const toUser = (m: repo.MemberRow): User => ({
  ...m,
  createdAt: m.createdAt.toISOString(),
  lastLoginAt: m.lastLoginAt?.toISOString() ?? null,
});

interface Deps {
  db: Db;
  /** An e-mail already known across organisations joins as it is; a removed member's sessions end. */
  auth: Pick<AuthRepo, 'findUserIdByEmail' | 'revokeUserSessionsInOrg'>;
  /** A new account without a chosen password is invited by a single-use link. */
  links: Pick<AccountLinks, 'issue' | 'kickMail'>;
  /** An existing account added here is told by e-mail (when a mailer is configured). */
  outbox: Pick<Outbox, 'queue' | 'configured'>;
}

export const createUsersService = ({ db, auth, links, outbox }: Deps) => ({
  async list(ctx: RequestCtx, q: UsersQuery) {
    requireRole(ctx, 'executive');
    const page = await withTenant(db, ctx.orgId, (tx) => repo.listMembers(tx, ctx.orgId, q));
    return { items: page.items.map(toUser), total: page.total, limit: q.limit, offset: q.offset };
  },

  /**
   * Adds a person to the organisation. A new e-mail gets an account: with the given password, or else an
   * invitation, a single-use link to choose one (e-mailed; handed back once when no mailer is configured).
   * An e-mail that already has an account elsewhere gets a membership only (and a note by e-mail); its
   * password is left alone.
   */
  async create(ctx: RequestCtx, input: UserCreate): Promise<User & { invitation?: AccountLinkIssued }> {
    requireRole(ctx, 'admin');
    // Looked up through its definer function: other organisations' users are invisible to the tenant role.
    const existing = await auth.findUserIdByEmail(db, input.email);
    // A chosen password is checked only when it becomes someone's: an existing account keeps its own.
    if (!existing && input.password) await assertStrongPassword(input.password, input, 'password');
    // An invited account's password is a random secret nobody holds until the invitation sets one.
    const passwordHash = existing ? undefined : await hashPassword(input.password ?? randomToken(32));
    const alreadyMember = () => conflict(`${input.email} is already a member of this organisation`, 'email');
    const inviterName = ctx.actor.label ?? 'An administrator';
    const { member, invitation } = await withTenant(db, ctx.orgId, async (tx) => {
      const userId = existing ?? randomUUID();
      if (existing) {
        if (await repo.findMember(tx, ctx.orgId, existing)) throw alreadyMember();
      } else {
        await repo.insertUser(tx, {
          id: userId,
          email: input.email,
          name: input.name,
          passwordHash: passwordHash!,
        });
      }
      await repo.insertMembership(tx, { orgId: ctx.orgId, userId, role: input.role });
      await appendAuditEvent(
        tx,
        ctx.orgId,
        ctx.actor,
        existing
          ? {
              action: 'user.added_to_org',
              entityType: 'user',
              entityId: userId,
              payload: { email: input.email, role: input.role },
            }
          : {
              action: 'user.created',
              entityType: 'user',
              entityId: userId,
              payload: { email: input.email, name: input.name, role: input.role },
            },
      );
      const member = (await repo.findMember(tx, ctx.orgId, userId))!;
      if (existing && outbox.configured) {
        const organisation = await findOrganizationName(tx, ctx.orgId);
        await outbox.queue(tx, ctx.orgId, {
          to: input.email,
          params: { kind: 'user_added', organisation, inviterName, role: input.role },
          entityType: 'user',
          entityId: userId,
        });
      }
      const invitation =
        existing || input.password
          ? undefined
          : await links.issue(tx, ctx.orgId, {
              kind: 'invitation',
              user: member,
              requestedBy: 'admin',
              actor: ctx.actor,
              inviterName,
            });
      return { member, invitation };
    }).catch((err) => {
      // Two admins adding the same person at the same instant: the unique e-mail or membership index
      // stops the second, which gets the same answer as if it had come a moment later.
      throw isUniqueViolation(err) ? alreadyMember() : err;
    });
    links.kickMail();
    return { ...toUser(member), ...(invitation ? { invitation } : {}) };
  },

  /**
   * Changes role or status; refuses to leave the organisation without an active admin. `expected` is the
   * revision the change was made from (If-Match or the body's `revision`): a stale one answers 409.
   */
  async update(ctx: RequestCtx, userId: string, patch: UserUpdate, expected?: number): Promise<User> {
    requireRole(ctx, 'admin');
    return withTenant(db, ctx.orgId, async (tx) => {
      const current = async () => {
        const m = await repo.findMember(tx, ctx.orgId, userId);
        return m && toUser(m);
      };
      const before = await repo.findMember(tx, ctx.orgId, userId);
      if (!before) throw notFound('User', userId);
      checkRevision('user', expected, toUser(before));
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (patch.role && patch.role !== before.role) changes.role = { from: before.role, to: patch.role };
      if (patch.status && patch.status !== before.status)
        changes.status = { from: before.status, to: patch.status };
      if (Object.keys(changes).length === 0) return toUser(before);

      const losesAdmin =
        before.role === 'admin' &&
        before.status === 'active' &&
        (changes.role || changes.status?.to === 'deactivated');
      if (losesAdmin) {
        const admins = await repo.lockActiveAdmins(tx, ctx.orgId);
        if (admins.length <= 1) {
          throw conflict(
            'An organisation must keep at least one active administrator',
            changes.role ? 'role' : 'status',
          );
        }
      }
      if (changes.status?.to === 'deactivated') {
        // End their sessions in this organisation now, so a later reactivation does not revive them.
        await auth.revokeUserSessionsInOrg(tx, userId, ctx.orgId);
      }
      const changed = await repo.updateMembership(tx, ctx.orgId, userId, before.revision, {
        ...(changes.role ? { role: patch.role } : {}),
        ...(changes.status ? { status: patch.status } : {}),
      });
      await written(changed, 'user', current);
      await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: userId,
        payload: { changes },
      });
      return toUser((await repo.findMember(tx, ctx.orgId, userId))!);
    });
  },
});

export type UsersService = ReturnType<typeof createUsersService>;
