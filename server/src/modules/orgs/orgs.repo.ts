import { count, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../../db/schema/orgs.js';

// Organisations are the tenants themselves: these run on the system connection (set-up, seeding, scripts),
// outside any one tenant's transaction.

export type OrganizationRow = typeof organizations.$inferSelect;

export const countOrganizations = async (db: Db): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(organizations);
  return row?.n ?? 0;
};

export const findOrganizationBySlug = async (db: Db, slug: string): Promise<OrganizationRow | undefined> => {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row;
};

/** The organisation whose id or slug is `key` (a slug when it is not a UUID); every organisation without one. */
export const findOrganizations = (db: Db, key?: string): Promise<OrganizationRow[]> => {
  const isUuid = /^[0-9a-f-]{36}$/i.test(key ?? '');
  return db
    .select()
    .from(organizations)
    .where(
      key
        ? isUuid
          ? or(eq(organizations.id, key), eq(organizations.slug, key))
          : eq(organizations.slug, key)
        : undefined,
    );
};

export const insertOrganization = async (db: Db, values: typeof organizations.$inferInsert) => {
  await db.insert(organizations).values(values);
};
