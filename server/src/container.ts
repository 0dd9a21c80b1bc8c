import type { FastifyBaseLogger } from 'fastify';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { AppConfig } from './config.js';
import type { Db } from './db/client.js';
import { createApiKeysService } from './modules/api-keys/api-keys.service.js';
import { createAssessmentsService } from './modules/assessments/assessments.service.js';
import { createRescoreHandler } from './modules/assessments/rescore.job.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createJobRunner } from './modules/jobs/jobs.runner.js';
import { createJobsService } from './modules/jobs/jobs.service.js';
import { createPoliciesService, RESCORE_JOB } from './modules/policies/policies.service.js';
import { createSuppliersService } from './modules/suppliers/suppliers.service.js';
import { createSupplierImportService } from './modules/suppliers/suppliers-import.service.js';
import { createUsersService } from './modules/users/users.service.js';

/** Builds every service once, by hand: the wiring is plain to read and fakes stay small. */
export const buildContainer = ({
  db,
  config,
  log,
}: {
  db: Db;
  config: AppConfig;
  log: FastifyBaseLogger;
}) => {
  const ref = loadReferenceData();
  const jobRunner = createJobRunner({
    db,
    log,
    handlers: { [RESCORE_JOB]: createRescoreHandler({ db, ref }) },
  });
  return {
    ref,
    jobRunner,
    auth: createAuthService({ db, sessionTtlSeconds: config.sessionTtlSeconds }),
    users: createUsersService({ db }),
    apiKeys: createApiKeysService({ db }),
    audit: createAuditService({ db }),
    suppliers: createSuppliersService({ db }),
    supplierImports: createSupplierImportService({ db }),
    assessments: createAssessmentsService({ db, ref }),
    policies: createPoliciesService({ db, ref, kickJobs: jobRunner.kick }),
    jobs: createJobsService({ db }),
  };
};
