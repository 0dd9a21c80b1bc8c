import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
import { buildContainer } from './container.js';
import type { Database } from './db/client.js';
import { AppError } from './lib/app-error.js';
import { errForLog } from './lib/log-errors.js';
import { redactSecretPaths } from './lib/redact-url.js';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.js';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.js';
import { assignmentsRoutes } from './modules/assignments/assignments.routes.js';
import { findingsRoutes } from './modules/assignments/findings.routes.js';
import { portalRoutes } from './modules/assignments/portal.routes.js';
import { portalEvidenceRoutes } from './modules/assignments/portal-evidence.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { accountLinksRoutes } from './modules/auth/account-links.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { datasetsRoutes } from './modules/datasets/datasets.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import { policiesRoutes } from './modules/policies/policies.routes.js';
import { publishRequestsRoutes } from './modules/policies/publish-requests.routes.js';
import { pgRateLimitStore } from './modules/rate-limits/pg-rate-limit-store.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import type { ReportGenerators } from './modules/reports/generators.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { suppliersRoutes } from './modules/suppliers/suppliers.routes.js';
import { tasksRoutes } from './modules/tasks/tasks.routes.js';
import { taskPortalRoutes } from './modules/tasks/tasks-portal.routes.js';
import { templatesRoutes } from './modules/templates/templates.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { authPlugin } from './plugins/auth.js';
import { docsPlugin } from './plugins/docs.js';
import { errorHandlerPlugin, frameworkErrors } from './plugins/error-handler.js';
import { etagPlugin } from './plugins/etag.js';
import { headersPlugin } from './plugins/headers.js';
import { webPlugin } from './plugins/web.js';

export const VERSION = '0.1.0';

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  /** Serve the built dashboard (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Where the log is written (tests read it); stdout by default. */
  logStream?: { write(line: string): void };
  /** The kinds of report this server renders (default: server/src/modules/reports/generators.ts). */
  reportGenerators?: ReportGenerators;
}

export const buildApp = async ({
  config,
  database,
  serveWeb = true,
  logger = true,
  logStream,
  reportGenerators,
}: BuildAppOptions) => {
  const app: FastifyInstance = Fastify({
    logger: logger && {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      // Secrets never reach the log: cookies, keys and CSRF tokens are redacted wherever they appear.
      redact: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      // A supplier's link is in the path of every portal call: the logged URL has it replaced.
      serializers: {
        // A failed query's bound values (what the request sent) stay out of the log.
        err: errForLog,
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: redactSecretPaths(req.url),
          hostname: req.hostname,
          remoteAddress: req.ip,
        }),
      },
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    // Router errors (too long or malformed URLs) answer the one error body too.
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const c = buildContainer({ db: database.db, config, log: app.log, reportGenerators });
  // Background work runs in every API process; SKIP LOCKED keeps two processes off the same job.
  app.addHook('onReady', () => c.jobRunner.start());
  app.addHook('onClose', () => c.jobRunner.stop());
  app.addHook('onReady', async () => c.mailWorker.start());
  app.addHook('onClose', () => c.mailWorker.stop());
  app.addHook('onReady', async () => {
    if (config.questionnaireScheduleMinutes > 0)
      c.questionnaireSchedule.start(config.questionnaireScheduleMinutes * 60_000);
  });
  app.addHook('onClose', () => c.questionnaireSchedule.stop());
  // The remediation task schedule (reminders, escalation, expired risk acceptances) runs on the same beat.
  app.addHook('onReady', async () => {
    if (config.questionnaireScheduleMinutes > 0)
      c.taskSchedule.start(config.questionnaireScheduleMinutes * 60_000);
  });
  app.addHook('onClose', () => c.taskSchedule.stop());
  app.addHook('onReady', async () => c.auditQueue.start());
  app.addHook('onClose', () => c.auditQueue.stop());
  app.addHook('onReady', async () => c.counterSweeper.start());
  app.addHook('onClose', async () => c.counterSweeper.stop());

  // Order matters: errors first, then transport security, then docs, auth, and the feature modules.
  await app.register(errorHandlerPlugin);
  await app.register(headersPlugin);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Sent by headersPlugin, and only on requests that came over HTTPS (TRUST_PROXY behind a TLS proxy).
    strictTransportSecurity: false,
  });
  // Answers are compressed (br or gzip) for clients that accept it, when larger than 1 KB and of a
  // compressible type (JSON, CSV, HTML; not PDF). Request bodies are not inflated: uploads keep the size
  // limits they are checked against. Registered before the routes and the dashboard, which it must wrap.
  await app.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Counted in PostgreSQL, so every API process on the database shares one budget per client.
    store: pgRateLimitStore(database.db),
    // If the count cannot be kept (database down), serve the request: it then fails on its own, with the
    // outage answer, and /api/health can still say what is wrong.
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', `Too many requests: try again in ${ctx.after}`),
  });
  await app.register(docsPlugin, { version: VERSION });
  await app.register(authPlugin, { auth: c.auth });
  await app.register(etagPlugin);

  await app.register(healthRoutes, { database, version: VERSION });
  await app.register(authRoutes, { auth: c.auth, passwords: c.passwords });
  await app.register(usersRoutes, { users: c.users });
  await app.register(accountLinksRoutes, { links: c.accountLinks });
  await app.register(mailRoutes, { mail: c.mail });
  await app.register(apiKeysRoutes, { apiKeys: c.apiKeys });
  await app.register(auditRoutes, { audit: c.audit });
  await app.register(suppliersRoutes, {
    suppliers: c.suppliers,
    imports: c.supplierImports,
    importMaxBytes: config.importMaxBytes,
  });
  await app.register(assessmentsRoutes, { assessments: c.assessments });
  await app.register(policiesRoutes, { policies: c.policies });
  await app.register(publishRequestsRoutes, { publishRequests: c.publishRequests });
  await app.register(referenceRoutes, { ref: c.ref });
  await app.register(datasetsRoutes, {
    datasets: c.datasets,
    maxBytes: config.datasetEditionMaxBytes,
  });
  await app.register(jobsRoutes, { jobs: c.jobs });
  await app.register(templatesRoutes, { templates: c.templates });
  await app.register(assignmentsRoutes, { assignments: c.assignments, review: c.review });
  await app.register(findingsRoutes, { findings: c.findings });
  await app.register(portalRoutes, { portal: c.portal });
  await app.register(portalEvidenceRoutes, { evidence: c.portalEvidence, maxBytes: config.evidenceMaxBytes });
  await app.register(dashboardRoutes, { dashboard: c.dashboard });
  await app.register(tasksRoutes, {
    tasks: c.tasks,
    actions: c.taskActions,
    maxBytes: config.evidenceMaxBytes,
  });
  await app.register(taskPortalRoutes, { portal: c.taskPortal, maxBytes: config.evidenceMaxBytes });
  await app.register(reportsRoutes, { reports: c.reports, verifier: c.reportVerifier });

  if (serveWeb) await app.register(webPlugin, { distDir: config.webDistDir });
  return app;
};
