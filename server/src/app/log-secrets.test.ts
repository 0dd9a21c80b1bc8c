import { createHash } from 'node:crypto';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/app.js';
import { openTestDb } from '../../test/db.js';
import { expectUnavailable } from '../../test/unavailable.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createOrganization } from '../modules/orgs/orgs.service.js';

/**
 * What the log keeps when requests fail on the database: the failure and the statement, never what the
 * request carried (the password, the session cookie, the CSRF token) nor what the server derived from it and
 * bound to the query (the session's digest, the e-mail address).
 */
describe('the log during a database outage', () => {
  it('says the database is unavailable, naming the statement, without any secret or bound value', async () => {
    const lines: string[] = [];
    const database = await openTestDb();
    const config = { ...loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'info' }), loginMaxAttempts: 1000 };
    const app = await buildApp({
      config,
      database,
      serveWeb: false,
      logStream: { write: (line) => lines.push(line) },
    });
    try {
      await app.ready();
      const email = 'keeper.of.secrets@outage.test';
      await createOrganization(database.db, {
        name: 'Outage Ltd',
        slug: 'outage-log',
        members: [{ email, name: 'Admin', role: 'admin', password: PASSWORD }],
      });
      const login = () =>
        app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
      const res = await login();
      expect(res.statusCode, res.body).toBe(200);
      const session = res.cookies.find((c) => c.name === 'cs_session')!.value;
      const csrf = res.json().csrfToken as string;
      const headers = { cookie: `cs_session=${session}`, 'x-csrf-token': csrf };

      await database.close();
      expectUnavailable(await app.inject({ method: 'GET', url: '/api/suppliers', headers }));
      expectUnavailable(
        await app.inject({
          method: 'POST',
          url: '/api/suppliers',
          headers,
          payload: { name: 'x', country: 'BD', tier: 1 },
        }),
      );
      expectUnavailable(await login());

      const log = lines.join('');
      expect(log).toContain('database unavailable');
      expect(log).toContain('Failed query');
      for (const secret of [
        PASSWORD,
        session,
        csrf,
        createHash('sha256').update(session).digest('hex'),
        email,
      ])
        expect(log).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
