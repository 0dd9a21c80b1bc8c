import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openDb } from '../src/db/client.js';

/** A fresh, migrated database of this test file's own (see global-setup.ts). */
export const openTestDb = async (): Promise<Database> => {
  const template = inject('dbTemplate');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    return openDb({ loadDataDir: new Blob([fs.readFileSync(template)]) });
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
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const database = await openDb({ databaseUrl: url.toString(), maxConnections: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
};
