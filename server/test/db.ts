import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, type Db, openDb } from '../src/db/client.js';
import * as schema from '../src/db/schema/index.js';

/**
 * The login role the tests serve requests as on PostgreSQL: neither superuser nor BYPASSRLS, a member of
 * app_user (created by global-setup.ts, as README's PostgreSQL section shows). DATABASE_URL's role (a
 * superuser here) owns the tables and runs the migrations.
 */
export const SERVING_ROLE = 'cs_app';
export const SERVING_PASSWORD = 'cs_app-test-only';

export interface TestDatabase extends Database {
  /**
   * The owner's handle (a superuser: postgres, or PGlite's own connection). Tests read and tamper through it
   * what the request role cannot: every tenant's rows, triggers, the tail of the audit chain.
   */
  owner: Db;
}

/** A fresh, migrated database of this test file's own (see global-setup.ts). */
export const openTestDb = async (): Promise<TestDatabase> => {
  const template = inject('dbTemplate');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const database = await openDb({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    return { ...database, owner: drizzlePglite(database.pglite!, { schema }) as unknown as Db };
  }
  const name = `cs_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  // Two files cloning the template at the same instant can collide ("source database is being accessed").
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      break;
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  const ownerUrl = new URL(databaseUrl);
  ownerUrl.pathname = `/${name}`;
  const servingUrl = new URL(ownerUrl);
  servingUrl.username = SERVING_ROLE;
  servingUrl.password = SERVING_PASSWORD;
  const database = await openDb({ databaseUrl: servingUrl.toString(), maxConnections: 5 });
  const ownerClient = postgres(ownerUrl.toString(), { max: 2, onnotice: () => {} });
  return {
    ...database,
    owner: drizzlePostgres(ownerClient, { schema }) as unknown as Db,
    close: async () => {
      await database.close();
      await ownerClient.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
};
