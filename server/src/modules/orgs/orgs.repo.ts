import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { organizations } from '../../db/schema/orgs.js';
import { rowsOf } from '../../db/tenant.js';

// Organisations are the tenants themselves: no tenant can create one or see the others, so these go through
// the SECURITY DEFINER functions of migration 0007 (set-up, seeding, maintenance scripts), outside any one
// tenant's transaction.

export interface OrganizationRow {
  id: string;
  slug: string;
  name: string;
}

/** Every organisation (id, slug, name), oldest first. */
const listOrganizations = async (db: Db): Promise<OrganizationRow[]> =>
  rowsOf<OrganizationRow>(await db.execute(sql`select id, slug, name from list_organizations()`));

export const countOrganizations = async (db: Db): Promise<number> => (await listOrganizations(db)).length;

export const findOrganizationBySlug = async (db: Db, slug: string): Promise<OrganizationRow | undefined> =>
  (await listOrganizations(db)).find((o) => o.slug === slug);

/** The organisation whose id or slug is `key`; every organisation without one. */
export const findOrganizations = async (db: Db, key?: string): Promise<OrganizationRow[]> =>
  (await listOrganizations(db)).filter((o) => !key || o.id === key || o.slug === key);

/** Creates the organisation row; false when the slug is taken (checked by the unique index, not before). */
export const insertOrganization = async (db: Db, org: { id: string; name: string; slug: string }) =>
  rowsOf<{ created: boolean }>(
    await db.execute(sql`select create_organization(${org.id}, ${org.name}, ${org.slug}) as created`),
  )[0]?.created === true;

/**
 * The organisation's name by id, as a scalar subquery (the audit list names it). Inside a tenant transaction
 * row-level security shows the tenant's own organisation only.
 */
export const organizationNameById = (id: SQL): SQL<string | null> =>
  sql`(select ${organizations.name} from ${organizations} where ${organizations.id} = ${id})`;

/** The tenant's own name, inside its transaction (messages and reports name the organisation). */
export const findOrganizationName = async (tx: Tx, orgId: string): Promise<string> => {
  const [row] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .limit(1);
  return row?.name ?? '';
};
