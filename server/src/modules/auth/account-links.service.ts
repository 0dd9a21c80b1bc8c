import type { FastifyBaseLogger } from 'fastify';
import type {
  AccountLinkInfo,
  AccountLinkIssued,
  AccountLinkKind,
  AccountLinkPassword,
} from '#shared/schemas/account-links.js';
import type { Db, Tx } from '../../db/client.js';
import { enterTenant, withTenant } from '../../db/tenant.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { type Actor, type RequestCtx, requireRole } from '../../lib/context.js';
import { randomToken, sha256Hex } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { Outbox } from '../mail/mail.outbox.js';
import { findOrganizationName } from '../orgs/orgs.repo.js';
import type { UsersRepo } from '../users/users.repo.js';
import * as repo from './account-links.repo.js';
import { assertStrongPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';

/** A person may ask for this many reset links an hour; more are not sent (the answer stays the same). */
const RESETS_PER_HOUR = 3;

const RESET_ANSWER =
  'If an account uses this address, a link to choose a new password is on its way. It works once, for a limited time.';

interface Deps {
  db: Db;
  outbox: Pick<Outbox, 'queue' | 'configured'>;
  /** Sends what was queued, after the transaction committed. */
  kickMail: () => void;
  users: Pick<UsersRepo, 'findMember'>;
  log: FastifyBaseLogger;
  publicUrl: string;
  invitationTtlSeconds: number;
  passwordResetTtlSeconds: number;
}

export interface IssueInput {
  kind: AccountLinkKind;
  user: { id: string; email: string; role: string };
  requestedBy: 'admin' | 'self';
  /** Who is issuing it: the admin, or the person themselves (self-service reset). */
  actor: Actor;
  inviterName: string;
}

/**
 * Single-use links to set a password: invitations to a new account, and resets. The token (256 bits) goes
 * into the message or to the admin once; only its SHA-256 is stored. It travels in the URL fragment
 * (`/set-password#token`), which browsers never send to a server, so no access log or proxy sees it.
 */
export const createAccountLinks = ({ db, outbox, kickMail, users, log, ...cfg }: Deps) => {
  const urlFor = (token: string) => `${cfg.publicUrl}/set-password#${token}`;

  /** Issues a link inside the caller's tenant transaction (the audit event and the message commit with it). */
  const issue = async (tx: Tx, orgId: string, input: IssueInput): Promise<AccountLinkIssued> => {
    const token = randomToken();
    const ttl = input.kind === 'invitation' ? cfg.invitationTtlSeconds : cfg.passwordResetTtlSeconds;
    const expiresAt = new Date(Date.now() + ttl * 1000).toISOString();
    await repo.insertLink(tx, {
      orgId,
      userId: input.user.id,
      kind: input.kind,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(expiresAt),
      createdBy: input.actor.type === 'user' ? input.actor.id : null,
    });
    const organisation = await findOrganizationName(tx, orgId);
    const { delivery } = await outbox.queue(tx, orgId, {
      to: input.user.email,
      params:
        input.kind === 'invitation'
          ? {
              kind: 'user_invitation',
              organisation,
              inviterName: input.inviterName,
              role: input.user.role,
              expiresAt,
            }
          : { kind: 'password_reset', organisation, expiresAt },
      link: urlFor(token),
      entityType: 'user',
      entityId: input.user.id,
    });
    await appendAuditEvent(tx, orgId, input.actor, {
      action: 'account_link.issued',
      entityType: 'user',
      entityId: input.user.id,
      payload: {
        kind: input.kind,
        userId: input.user.id,
        expiresAt,
        delivery,
        requestedBy: input.requestedBy,
      },
    });
    return {
      kind: input.kind,
      delivery,
      expiresAt,
      ...(delivery === 'handed_over' ? { url: urlFor(token) } : {}),
    };
  };

  /** What the page behind a link shows; an unknown token answers 404 like any unknown record. */
  const inspect = async (token: string): Promise<AccountLinkInfo> => {
    const row = await repo.lookupLink(db, sha256Hex(token));
    if (!row) throw notFound('Link');
    return {
      kind: row.kind,
      state: row.state,
      email: row.email,
      name: row.name,
      organisation: row.org_name,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  };

  return {
    issue,
    kickMail,

    /**
     * An admin sends a member a link to set their password: an invitation while they have never signed in,
     * a reset afterwards. Without a mailer the link comes back to the admin, to pass on.
     */
    async issueForMember(ctx: RequestCtx, userId: string): Promise<AccountLinkIssued> {
      requireRole(ctx, 'admin');
      const issued = await withTenant(db, ctx.orgId, async (tx) => {
        const member = await users.findMember(tx, ctx.orgId, userId);
        if (!member) throw notFound('User', userId);
        if (member.status !== 'active') {
          throw new AppError('unprocessable', `${member.email} is deactivated: reactivate them first`);
        }
        // A password belongs to the person, not to one organisation: a link handed to this admin must not
        // open an account other organisations rely on. E-mailed, it reaches only the person themselves.
        if (!outbox.configured && (await repo.countMemberships(tx, userId)) > 1) {
          throw new AppError(
            'unprocessable',
            `${member.email} also belongs to another organisation, so their password is not this organisation's to reset. Ask them to use "Forgot your password?" on the sign-in page.`,
          );
        }
        return issue(tx, ctx.orgId, {
          kind: member.lastLoginAt ? 'password_reset' : 'invitation',
          user: member,
          requestedBy: 'admin',
          actor: ctx.actor,
          inviterName: ctx.actor.label ?? 'An administrator',
        });
      });
      kickMail();
      return issued;
    },

    /**
     * Someone who forgot their password asks for a link. The answer is the same whether or not the address
     * has an account, so the form cannot be used to find accounts.
     */
    async requestReset(email: string) {
      const target = await repo.findResetTarget(db, email);
      if (!target) return { ok: true as const, message: RESET_ANSWER };
      if (!outbox.configured) {
        // Nobody could receive it. The log says so (without the address): an admin can issue a link instead.
        log.warn(
          'a password reset was asked for, but no mailer is configured (SMTP_URL): an administrator can issue a link from the Users page',
        );
        return { ok: true as const, message: RESET_ANSWER };
      }
      await withTenant(db, target.orgId, async (tx) => {
        const hourAgo = new Date(Date.now() - 3600_000);
        if (
          (await repo.countLinksSince(tx, target.orgId, target.userId, 'password_reset', hourAgo)) >=
          RESETS_PER_HOUR
        )
          return;
        const member = await users.findMember(tx, target.orgId, target.userId);
        if (!member) return;
        await issue(tx, target.orgId, {
          kind: 'password_reset',
          user: member,
          requestedBy: 'self',
          actor: { type: 'user', id: member.id, label: member.email },
          inviterName: '',
        });
      });
      kickMail();
      return { ok: true as const, message: RESET_ANSWER };
    },

    inspect,

    /** Spends a live link and sets the password (strength checked against the account's own e-mail and name). */
    async setPassword(input: AccountLinkPassword) {
      const info = await inspect(input.token);
      if (info.state !== 'live') throw deadLink(info);
      await assertStrongPassword(
        input.password,
        { email: info.email ?? '', name: info.name ?? '' },
        'password',
      );
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (raw) => {
        const spent = await repo.spendLink(raw, sha256Hex(input.token), passwordHash);
        // Spent or expired between the look and the write (a second tab, the clock): nothing was changed.
        if (!spent) throw deadLink({ ...info, state: 'used' });
        const tx = await enterTenant(raw, spent.org_id);
        await appendAuditEvent(
          tx,
          spent.org_id,
          { type: 'user', id: spent.user_id, label: info.email },
          {
            action: 'user.password_set_by_link',
            entityType: 'user',
            entityId: spent.user_id,
            payload: { kind: spent.kind, userId: spent.user_id, sessionsEnded: spent.sessions_ended },
          },
        );
        return {
          ok: true as const,
          kind: spent.kind,
          email: info.email!,
          sessionsEnded: spent.sessions_ended,
        };
      });
    },
  };
};

const deadLink = (info: Pick<AccountLinkInfo, 'state' | 'kind' | 'organisation'>) =>
  new AppError(
    'gone',
    info.state === 'used'
      ? 'This link was already used. Sign in with your password, or ask for a new link.'
      : info.kind === 'invitation'
        ? `This invitation has expired. Ask an administrator of ${info.organisation} to send a new one.`
        : 'This link has expired. Ask for a new one from the sign-in page.',
  );

export type AccountLinks = ReturnType<typeof createAccountLinks>;
