import type { AppConfig } from './config.js';
import type { Db } from './db/client.js';
import { createApiKeysService } from './modules/api-keys/api-keys.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createUsersService } from './modules/users/users.service.js';

/** Builds every service once, by hand: the wiring is plain to read and fakes stay small. */
export const buildContainer = ({ db, config }: { db: Db; config: AppConfig }) => ({
  auth: createAuthService({ db, sessionTtlSeconds: config.sessionTtlSeconds }),
  users: createUsersService({ db }),
  apiKeys: createApiKeysService({ db }),
  audit: createAuditService({ db }),
});
