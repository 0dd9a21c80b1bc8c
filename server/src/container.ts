import type { FastifyBaseLogger } from 'fastify';
import { utcDay } from '#shared/domain/questionnaires/schedule.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import type { AppConfig } from './config.js';
import type { Db } from './db/client.js';
import { loadSealer } from './lib/sealing.js';
import { createFileStorage } from './lib/storage/create.js';
import type { FileStorage } from './lib/storage/file-storage.js';
import { createUploadIntake } from './lib/storage/intake.js';
import { apiKeyNameById } from './modules/api-keys/api-keys.repo.js';
import { createApiKeysService } from './modules/api-keys/api-keys.service.js';
import { createPreviewAssessment } from './modules/assessments/assessments.preview.js';
import { createReassessSuppliers } from './modules/assessments/assessments.reassess.js';
import { assessmentPolicyId, assessmentSupplierId } from './modules/assessments/assessments.repo.js';
import { createAssessmentsService } from './modules/assessments/assessments.service.js';
import { createAssessSuppliers } from './modules/assessments/assessments.write.js';
import { createRescore } from './modules/assessments/rescore.job.js';
import { createDefinitions } from './modules/assignments/assignments.definitions.js';
import { createLinks } from './modules/assignments/assignments.links.js';
import { createPresenter } from './modules/assignments/assignments.present.js';
import {
  acceptedCriterionAnswers,
  assignmentSupplierIdById,
} from './modules/assignments/assignments.repo.js';
import { createAssignmentsService } from './modules/assignments/assignments.service.js';
import { createFindingsService } from './modules/assignments/findings.service.js';
import { createPortalService } from './modules/assignments/portal.service.js';
import { createPortalEvidence } from './modules/assignments/portal-evidence.service.js';
import { createReviewService } from './modules/assignments/review.service.js';
import { createQuestionnaireSchedule } from './modules/assignments/schedule.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { configureAuditAnchoring, loadAuditSigner } from './modules/audit/audit-anchor.js';
import { createAuditQueue } from './modules/audit/audit-queue.js';
import { createAccountLinks } from './modules/auth/account-links.service.js';
import { authRepo } from './modules/auth/auth.repo.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createLoginThrottle } from './modules/auth/login-throttle.js';
import { createPasswordChangeService } from './modules/auth/password-change.service.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { createReferences } from './modules/datasets/datasets.references.js';
import { createDatasetsService } from './modules/datasets/datasets.service.js';
import { jobKindById, jobsRepo } from './modules/jobs/jobs.repo.js';
import { createJobRunner } from './modules/jobs/jobs.runner.js';
import { createJobsService } from './modules/jobs/jobs.service.js';
import type { Outbox } from './modules/mail/mail.outbox.js';
import { createOutbox } from './modules/mail/mail.outbox.js';
import { mailRepo } from './modules/mail/mail.repo.js';
import { createMailService } from './modules/mail/mail.service.js';
import { createSmtpTransport } from './modules/mail/mail.transport.js';
import { createMailWorker } from './modules/mail/mail.worker.js';
import { findOrganizationName, organizationNameById } from './modules/orgs/orgs.repo.js';
import { policiesRepo, policyNameById } from './modules/policies/policies.repo.js';
import { createPoliciesService, RESCORE_JOB } from './modules/policies/policies.service.js';
import { createPublishRequestsService } from './modules/policies/publish-requests.service.js';
import { createCounterSweeper } from './modules/rate-limits/counter-sweeper.js';
import { createReportGenerators, type ReportGenerators } from './modules/reports/generators.js';
import { createReportJobs } from './modules/reports/reports.jobs.js';
import { createReportsService, REPORT_JOB } from './modules/reports/reports.service.js';
import { createReportVerifier } from './modules/reports/reports-verify.js';
import { supplierFilter, supplierNameById, suppliersRepo } from './modules/suppliers/suppliers.repo.js';
import { createSuppliersService } from './modules/suppliers/suppliers.service.js';
import { createSupplierImportService } from './modules/suppliers/suppliers-import.service.js';
import { createTaskJobs } from './modules/tasks/tasks.jobs.js';
import { taskTitleById } from './modules/tasks/tasks.repo.js';
import { createTaskSchedule } from './modules/tasks/tasks.schedule.js';
import { withRemediations } from './modules/tasks/tasks.scoring.js';
import { createTasksService } from './modules/tasks/tasks.service.js';
import { createSuggestionOf } from './modules/tasks/tasks.suggestion.js';
import { createTaskActions } from './modules/tasks/tasks-actions.service.js';
import { createTaskEvidence } from './modules/tasks/tasks-evidence.js';
import { createTaskPortal } from './modules/tasks/tasks-portal.service.js';
import { templateNameById, templatesRepo } from './modules/templates/templates.repo.js';
import { createTemplatesService } from './modules/templates/templates.service.js';
import { userEmailById, userNameById, usersRepo } from './modules/users/users.repo.js';
import { createUsersService } from './modules/users/users.service.js';

/**
 * Accepted questionnaire answers as every scoring path reads them: with verified remediations applied (a
 * finding closed through its task counts as controlled; see shared/src/domain/tasks/remediated.ts).
 */
const scoredAnswers = withRemediations(acceptedCriterionAnswers);

/**
 * The scoring write path and the import, wired from the modules' own functions. The API container, the demo
 * seed and the scripts all use this one wiring, so they write the register exactly as a request does.
 */
export const buildScoring = ({
  db,
  ref,
  kickJobs = () => {},
  importAssessInRequestMax = 1000,
  rescoreBatch,
}: {
  db: Db;
  ref: ReferenceData;
  /** Starts the job runner on work just queued (the API's runner; scripts have none). */
  kickJobs?: () => void;
  /** An import assessing more suppliers than this leaves it to a background job. */
  importAssessInRequestMax?: number;
  /** Suppliers per transaction of a rescore (default 1,000). */
  rescoreBatch?: number;
}) => {
  // One cache of loaded editions per process, shared by every path that scores under a policy.
  const references = createReferences({ shipped: ref });
  const assessSuppliers = createAssessSuppliers({
    suppliers: suppliersRepo,
    references,
    answers: scoredAnswers,
  });
  const reassessSuppliers = createReassessSuppliers({
    suppliers: suppliersRepo,
    policies: policiesRepo,
    assessSuppliers,
  });
  const rescore = createRescore({
    db,
    suppliers: suppliersRepo,
    policies: policiesRepo,
    jobs: jobsRepo,
    assessSuppliers,
    reassessSuppliers,
    batch: rescoreBatch,
  });
  const supplierImports = createSupplierImportService({
    db,
    assess: {
      reassess: reassessSuppliers,
      queue: rescore.queueReassessment,
      kick: kickJobs,
      inRequestMax: importAssessInRequestMax,
    },
  });
  const previewAssessment = createPreviewAssessment({
    suppliers: suppliersRepo,
    policies: policiesRepo,
    references,
  });
  return { references, assessSuppliers, reassessSuppliers, previewAssessment, rescore, supplierImports };
};

/**
 * Questionnaires: sending, the portal, the review and the schedule (reminders, recurrence, expiry), wired
 * once. The API container, the demo seed and the tests all use it.
 */
export const buildQuestionnaires = ({
  db,
  log,
  outbox,
  kickMail,
  publicUrl,
  scoring,
  storage,
  kickAudit = () => {},
}: {
  db: Db;
  log: Pick<FastifyBaseLogger, 'error'>;
  outbox: Pick<Outbox, 'queue' | 'configured'>;
  kickMail: () => void;
  publicUrl: string;
  scoring: Pick<ReturnType<typeof buildScoring>, 'reassessSuppliers' | 'previewAssessment'>;
  storage: Pick<FileStorage, 'get'>;
  /**
   * Links queued audit events (autosaves, acceptances) into the chain after commit (AuditQueue.kick). Without
   * it (the demo seed, scripts) they wait for the API's sweep or the next read of the trail.
   */
  kickAudit?: (orgId: string) => void;
}) => {
  // One cache of sent template versions, shared by sending, the portal and the review.
  const definitionOf = createDefinitions();
  const links = createLinks({ outbox, suppliers: suppliersRepo, definitionOf, publicUrl });
  const present = createPresenter({ definitionOf, policies: policiesRepo });
  return {
    definitionOf,
    links,
    assignments: createAssignmentsService({
      db,
      kickMail,
      suppliers: suppliersRepo,
      templates: templatesRepo,
      links,
      present,
    }),
    portal: createPortalService({ db, definitionOf, kickAudit }),
    review: createReviewService({
      db,
      reassess: scoring.reassessSuppliers,
      previewAssessment: scoring.previewAssessment,
      storage,
      definitionOf,
      policies: policiesRepo,
      suppliers: suppliersRepo,
      kickAudit,
    }),
    schedule: createQuestionnaireSchedule({
      db,
      log,
      links,
      kickMail,
      policies: policiesRepo,
      suppliers: suppliersRepo,
      templates: templatesRepo,
      reassess: scoring.reassessSuppliers,
      acceptedAnswers: scoredAnswers,
    }),
  };
};

/**
 * Builds every service once, by hand: the wiring is plain to read and fakes stay small. A service that needs
 * another module's data receives that module's functions here (typed `Pick<…Repo, …>` in its deps), so the
 * coupling between modules is visible in one place and in each signature.
 */
export const buildContainer = ({
  db,
  config,
  log,
  reportGenerators: givenGenerators,
}: {
  db: Db;
  config: AppConfig;
  log: FastifyBaseLogger;
  /** The kinds of report this server renders (default: all three, generators.ts); tests give their own. */
  reportGenerators?: ReportGenerators;
}) => {
  const ref = loadReferenceData();
  const scoring = buildScoring({
    db,
    ref,
    // The runner is built below from the scoring handlers; an import only kicks it after it has committed.
    kickJobs: () => jobRunner.kick(),
    importAssessInRequestMax: config.importAssessInRequestMax,
    rescoreBatch: config.rescoreBatch,
  });
  const reportGenerators = givenGenerators ?? createReportGenerators({ references: scoring.references });
  configureAuditAnchoring({
    signer: loadAuditSigner(config.dataDir, config.auditSigningKey),
    checkpointEvery: config.auditCheckpointEvery,
  });
  // Evidence files and issued reports: local disk or S3-compatible storage (STORAGE_DRIVER).
  const fileStorage = createFileStorage(config);
  const reportJobs = createReportJobs({
    db,
    storage: fileStorage,
    generators: reportGenerators,
    policies: policiesRepo,
    references: scoring.references,
    organizationName: findOrganizationName,
  });
  const jobRunner = createJobRunner({
    db,
    log,
    handlers: { [RESCORE_JOB]: scoring.rescore.handler, [REPORT_JOB]: reportJobs.handler },
  });
  // E-mail: queued in the outbox inside each change's transaction, sent after commit by the worker.
  const sealer = loadSealer(config.dataDir, config.linkSealingKey);
  const transport = config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.mailFrom) : undefined;
  const outbox = createOutbox({ repo: mailRepo, sealer, configured: transport !== undefined });
  const mailWorker = createMailWorker({ db, log, transport, sealer, maxAttempts: config.mailMaxAttempts });
  const accountLinks = createAccountLinks({
    db,
    outbox,
    kickMail: mailWorker.kick,
    users: usersRepo,
    log,
    publicUrl: config.publicUrl,
    invitationTtlSeconds: config.invitationTtlSeconds,
    passwordResetTtlSeconds: config.passwordResetTtlSeconds,
  });
  // Audit events queued by autosaves and acceptances: chained after their commits, and swept.
  const auditQueue = createAuditQueue({ db, log });
  const questionnaires = buildQuestionnaires({
    db,
    log,
    outbox,
    kickMail: mailWorker.kick,
    publicUrl: config.publicUrl,
    scoring,
    storage: fileStorage,
    kickAudit: auditQueue.kick,
  });
  const portal = questionnaires.portal;
  const throttle = createLoginThrottle(db, {
    maxPerAccount: config.loginMaxAttempts,
    maxPerAddress: config.loginMaxAttemptsPerAddress,
    windowSeconds: config.loginWindowSeconds,
  });
  const datasets = createDatasetsService({
    db,
    references: scoring.references,
    policies: policiesRepo,
  });
  const policies = createPoliciesService({
    db,
    references: scoring.references,
    datasets,
    suppliers: suppliersRepo,
    jobs: jobsRepo,
    kickJobs: jobRunner.kick,
    users: usersRepo,
    acceptedAnswers: async (tx, orgId) =>
      new Map([...(await scoredAnswers(tx, orgId, utcDay(new Date())))].map(([id, a]) => [id, a.answers])),
  });
  const taskJobs = createTaskJobs({ db });
  // Remediation tasks: their evidence goes through the questionnaires' intake and storage, with a quota per task.
  const taskEvidence = createTaskEvidence({
    intake: createUploadIntake({ storage: fileStorage, maxBytes: config.evidenceMaxBytes }),
    storage: fileStorage,
    quota: config.evidenceQuota,
  });
  return {
    ref,
    jobRunner,
    mailWorker,
    auditQueue,
    accountLinks,
    mail: createMailService({ db }),
    counterSweeper: createCounterSweeper({ db, log }),
    auth: createAuthService({ db, sessionTtlSeconds: config.sessionTtlSeconds, throttle }),
    passwords: createPasswordChangeService({ db, throttle, users: usersRepo }),
    users: createUsersService({ db, auth: authRepo, links: accountLinks, outbox }),
    apiKeys: createApiKeysService({ db, users: { emailById: userEmailById } }),
    audit: createAuditService({
      db,
      names: {
        supplier: supplierNameById,
        user: userNameById,
        apiKey: apiKeyNameById,
        policy: policyNameById,
        organization: organizationNameById,
        jobKind: jobKindById,
        template: templateNameById,
        assignmentSupplierId: assignmentSupplierIdById,
        assessmentSupplierId,
        taskTitle: taskTitleById,
      },
    }),
    suppliers: createSuppliersService({ db, reassess: scoring.reassessSuppliers }),
    supplierImports: scoring.supplierImports,
    assessments: createAssessmentsService({
      db,
      suppliers: suppliersRepo,
      policies: policiesRepo,
      assessSuppliers: scoring.assessSuppliers,
    }),
    policies,
    datasets,
    publishRequests: createPublishRequestsService({
      db,
      policies,
      users: usersRepo,
      nameOf: userNameById,
      kickJobs: jobRunner.kick,
    }),
    jobs: createJobsService({ db }),
    templates: createTemplatesService({ db, policies: policiesRepo }),
    assignments: questionnaires.assignments,
    questionnaireSchedule: questionnaires.schedule,
    portal,
    portalEvidence: createPortalEvidence({
      portal,
      intake: createUploadIntake({ storage: fileStorage, maxBytes: config.evidenceMaxBytes }),
      storage: fileStorage,
      quota: config.evidenceQuota,
    }),
    findings: createFindingsService({ db, suppliers: suppliersRepo }),
    tasks: createTasksService({
      db,
      suppliers: suppliersRepo,
      users: usersRepo,
      suggestionOf: createSuggestionOf({ policyIdOf: assessmentPolicyId, policies: policiesRepo }),
    }),
    taskActions: createTaskActions({ db, evidence: taskEvidence, reassess: scoring.reassessSuppliers }),
    taskPortal: createTaskPortal({ portal, evidence: taskEvidence }),
    taskJobs,
    taskSchedule: createTaskSchedule({
      db,
      log,
      outbox,
      links: questionnaires.links,
      users: usersRepo,
      jobs: taskJobs,
      kickMail: mailWorker.kick,
      publicUrl: config.publicUrl,
      escalateAfterDays: config.taskEscalationDays,
    }),
    review: questionnaires.review,
    dashboard: createDashboardService({ db, supplierFilter }),
    reportJobs,
    reports: createReportsService({
      db,
      suppliers: suppliersRepo,
      users: usersRepo,
      jobs: jobsRepo,
      kickJobs: jobRunner.kick,
      storage: fileStorage,
      generators: reportGenerators,
    }),
    reportVerifier: createReportVerifier({ db }),
  };
};
