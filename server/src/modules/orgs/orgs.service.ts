import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY } from '#shared/domain/scoring/default-policy.js';
import type { Db } from '../../db/client.js';
import { enterTenant } from '../../db/tenant.js';
import { conflict } from '../../lib/app-error.js';
import { type Actor, SYSTEM_ACTOR } from '../../lib/context.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { findUserIdByEmail } from '../auth/auth.repo.js';
import { assertStrongPassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { insertPolicy } from '../policies/policies.repo.js';
import { publishDefaultTemplate } from '../templates/templates.seed.js';
import { insertMembership, insertUser } from '../users/users.repo.js';
import { insertOrganization } from './orgs.repo.js';

export interface NewOrg {
  name: string;
  slug: string;
  members: { email: string; name: string; role: 'admin' | 'officer' | 'executive'; password: string }[];
}

/**
 * Creates an organisation with its first members (set-up scripts and the demo), in one transaction: the
 * organisation row through its definer function (no tenant can create one), then, as the tenant,
 * everything inside it, audited: the default scoring policy and the default questionnaire (each published as
 * version 1) and the members.
 */
export const createOrganization = async (db: Db, input: NewOrg, actor: Actor = SYSTEM_ACTOR) => {
  const orgId = randomUUID();
  const existing = await Promise.all(input.members.map((m) => findUserIdByEmail(db, m.email)));
  // New accounts only: an existing person keeps the password they have.
  for (const [i, m] of input.members.entries()) {
    if (!existing[i]) await assertStrongPassword(m.password, m, `members.${i}.password`);
  }
  const hashes = await Promise.all(
    input.members.map((m, i) => (existing[i] ? undefined : hashPassword(m.password))),
  );
  // One transaction: an organisation never exists without its policy and first members.
  await db.transaction(async (raw) => {
    if (!(await insertOrganization(raw, { id: orgId, name: input.name, slug: input.slug }))) {
      throw conflict(`An organisation with the slug "${input.slug}" already exists`, 'slug');
    }
    const tx = await enterTenant(raw, orgId);
    await appendAuditEvent(tx, orgId, actor, {
      action: 'org.created',
      entityType: 'organization',
      entityId: orgId,
      payload: { name: input.name, slug: input.slug },
    });
    // Every organisation starts with the default policy published as version 1, so scores exist from day one.
    const policy = await insertPolicy(tx, {
      orgId,
      name: DEFAULT_POLICY.name,
      status: 'published',
      version: 1,
      document: DEFAULT_POLICY,
      publishedAt: new Date(),
    });
    await appendAuditEvent(tx, orgId, actor, {
      action: 'policy.published',
      entityType: 'policy',
      entityId: policy.id,
      payload: { name: policy.name, version: 1, retiredId: null },
    });
    // And with the shipped questionnaire published as version 1, so it can be sent from day one.
    await publishDefaultTemplate(tx, orgId, actor);
    for (const [i, m] of input.members.entries()) {
      const known = existing[i];
      const userId = known ?? randomUUID();
      if (!known)
        await insertUser(tx, { id: userId, email: m.email, name: m.name, passwordHash: hashes[i]! });
      await insertMembership(tx, { orgId, userId, role: m.role });
      await appendAuditEvent(
        tx,
        orgId,
        actor,
        known
          ? {
              action: 'user.added_to_org',
              entityType: 'user',
              entityId: userId,
              payload: { email: m.email, role: m.role },
            }
          : {
              action: 'user.created',
              entityType: 'user',
              entityId: userId,
              payload: { email: m.email, name: m.name, role: m.role },
            },
      );
    }
  });
  return orgId;
};
