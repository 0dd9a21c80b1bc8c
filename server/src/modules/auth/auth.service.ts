import type { Login, SessionInfo } from '#shared/schemas/auth.js';
import type { Db } from '../../db/client.js';
import { enterTenant, withTenant } from '../../db/tenant.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { RequestCtx } from '../../lib/context.js';
import { csrfTokenFor, randomToken, sha256Hex } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import * as repo from './auth.repo.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './passwords.js';

// Not a React hook, whatever its name says (the linter reads `use…` calls as hooks).
const authenticateApiKey = repo.useApiKey;

interface Deps {
  db: Db;
  sessionTtlSeconds: number;
  throttle: LoginThrottle;
}

const toInfo = async (db: Db, s: repo.LiveSession, token: string): Promise<SessionInfo> => {
  const memberships = await repo.listSessionMemberships(db, sha256Hex(token));
  const org = memberships.find((m) => m.org.id === s.orgId)!.org;
  return {
    user: s.user,
    org,
    role: s.role,
    csrfToken: csrfTokenFor(token),
    memberships,
    expiresAt: s.expiresAt.toISOString(),
  };
};

export const createAuthService = ({ db, sessionTtlSeconds, throttle }: Deps) => {
  const resolveSession = (token: string) => repo.findLiveSession(db, sha256Hex(token));

  const infoFor = async (token: string): Promise<SessionInfo> => {
    const s = await resolveSession(token);
    if (!s) throw new AppError('unauthenticated', 'Your session has ended: sign in again');
    return toInfo(db, s, token);
  };

  return {
    resolveSession,

    /**
     * Resolves `Authorization: Bearer <key>`; marks the key used. An expired key is refused by name (and is
     * not marked used: its end is read first).
     */
    async resolveApiKey(key: string) {
      const keyHash = sha256Hex(key);
      const expiresAt = await repo.findApiKeyExpiry(db, keyHash);
      if (expiresAt && expiresAt.getTime() <= Date.now()) {
        throw new AppError(
          'unauthenticated',
          `This API key expired on ${expiresAt.toISOString()}: ask an administrator for a new one`,
        );
      }
      return authenticateApiKey(db, keyHash);
    },

    /**
     * One message for unknown e-mail and wrong password, so the form cannot be used to find accounts.
     * Failed attempts are throttled per client address and e-mail and per client address (see login-throttle).
     */
    async login(input: Login, clientAddress: string): Promise<{ token: string; info: SessionInfo }> {
      const attempt = await throttle.begin(clientAddress, input.email);
      const user = await repo.findLoginUser(db, input.email);
      const ok = await verifyPassword(user?.passwordHash, input.password);
      if (!user || !ok) throw new AppError('invalid_credentials', 'Email or password is incorrect');
      await attempt.succeeded();
      const token = randomToken();
      const expiresAt = new Date(Date.now() + sessionTtlSeconds * 1000);
      // The session and its audit event commit together: the definer function opens the session in the
      // user's first active organisation, and the event is written inside that organisation.
      await db.transaction(async (raw) => {
        const session = await repo.startSession(raw, {
          tokenHash: sha256Hex(token),
          userId: user.id,
          expiresAt,
        });
        if (!session) {
          throw new AppError(
            'forbidden',
            'Your access to every organisation is deactivated: ask an administrator',
          );
        }
        const tx = await enterTenant(raw, session.orgId);
        await appendAuditEvent(
          tx,
          session.orgId,
          { type: 'user', id: user.id, label: input.email },
          {
            action: 'auth.login',
            entityType: 'session',
            entityId: session.sessionId,
            payload: { userId: user.id, method: 'password' },
          },
        );
      });
      return { token, info: await infoFor(token) };
    },

    me: infoFor,

    async logout(ctx: RequestCtx) {
      if (!ctx.sessionId) return;
      await withTenant(db, ctx.orgId, async (tx) => {
        await repo.revokeSession(tx, ctx.sessionId!);
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'auth.logout',
          entityType: 'session',
          entityId: ctx.sessionId!,
          payload: { userId: ctx.userId! },
        });
      });
    },

    /** Moves the session to another organisation the user is an active member of; else 404. */
    async switchOrg(ctx: RequestCtx, token: string, orgId: string): Promise<SessionInfo> {
      if (!ctx.sessionId || !ctx.userId) {
        throw new AppError('forbidden', 'API keys belong to one organisation and cannot switch');
      }
      await db.transaction(async (raw) => {
        const sessionId = await repo.switchSessionOrg(raw, sha256Hex(token), orgId);
        if (!sessionId) throw notFound('Organisation', orgId);
        const tx = await enterTenant(raw, orgId);
        await appendAuditEvent(tx, orgId, ctx.actor, {
          action: 'auth.switched_org',
          entityType: 'session',
          entityId: sessionId,
          payload: { userId: ctx.userId!, fromOrgId: ctx.orgId },
        });
      });
      return infoFor(token);
    },
  };
};

export type AuthService = ReturnType<typeof createAuthService>;
