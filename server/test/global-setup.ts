import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { openDb } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { SERVING_PASSWORD, SERVING_ROLE } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a dump of a migrated database. PostgreSQL: name of the migrated template database. */
    dbTemplate: string;
  }
}

/**
 * The least-privileged login the tests serve as (README: "Running against PostgreSQL"). Roles belong to the
 * whole cluster and several runs may start at once, so each step tolerates another run doing it first.
 */
const createServingRole = async (admin: postgres.Sql) => {
  const steps = [
    `do $$ begin create role ${SERVING_ROLE} login;
       exception when duplicate_object or unique_violation then null; end $$`,
    `alter role ${SERVING_ROLE} login password '${SERVING_PASSWORD}' nosuperuser nobypassrls nocreatedb nocreaterole`,
    `grant app_user to ${SERVING_ROLE}`,
  ];
  for (const step of steps) {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(step);
        break;
      } catch (err) {
        // "tuple concurrently updated" when another run alters the same role at the same instant.
        if (attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
};

/**
 * Migrates once per run. Creating PGlite from scratch costs ~5 s, loading a dump ~1 s, so each test file
 * starts from this dump; on PostgreSQL each file clones a migrated template database instead.
 */
export default async function setup(project: TestProject) {
  const { migrationsDir, databaseUrl } = loadConfig({ ...process.env, DATA_DIR: os.tmpdir() });
  if (databaseUrl) {
    const template = `cs_template_${process.pid}`;
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${template}`;
    const database = await openDb({ databaseUrl: url.toString(), maxConnections: 1 });
    await runMigrations(database, migrationsDir, url.toString());
    await database.close();
    await createServingRole(admin);
    project.provide('dbTemplate', template);
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const database = await openDb({});
  await runMigrations(database, migrationsDir);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-test-')), 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
