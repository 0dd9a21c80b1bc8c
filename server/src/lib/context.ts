import { type Role, roleAtLeast } from '#shared/roles.js';
import type { ActorType } from '#shared/schemas/audit.js';
import { forbidden } from './app-error.js';

export interface Actor {
  type: ActorType;
  id: string | null;
  /** A human-readable name kept in the audit trail (the e-mail, the key name), since ids alone mean little. */
  label: string | null;
}

/** Who is asking, for which organisation, as what: built by the auth plugin, never from the request body. */
export interface RequestCtx {
  orgId: string;
  userId: string | null;
  role: Role;
  actor: Actor;
  via: 'session' | 'api_key';
  sessionId?: string;
}

/** The one permission check every service calls before it queries. Executives are read-only everywhere. */
export const requireRole = (ctx: Pick<RequestCtx, 'role'>, needed: Role): void => {
  if (!roleAtLeast(ctx.role, needed)) {
    throw forbidden(
      needed === 'admin'
        ? 'Only an administrator can do this'
        : 'Your role is read-only here: ask a compliance officer or an administrator',
    );
  }
};

/** The actor recorded for work the platform does by itself (seeding, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'Clearsource' };
