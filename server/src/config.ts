import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { S3StorageOptions } from './lib/storage/s3.js';

/** The project root, resolved from this file so it holds under tsx and any future outDir alike. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.string().default('production'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  DATABASE_OWNER_URL: z.string().optional(),
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, 'data')),
  SEED_DEMO: bool.default(true),
  DEMO_PASSWORD: z.string().min(12, 'DEMO_PASSWORD must have at least 12 characters').optional(),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(12 * 3600),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * 1024 * 1024),
  IMPORT_ASSESS_IN_REQUEST_MAX: z.coerce.number().int().min(0).default(1000),
  /** Suppliers per transaction of a rescore (each batch commits with its audit events). */
  RESCORE_BATCH: z.coerce.number().int().min(1).default(1000),
  /** Largest dataset edition file (CSV or XLSX) an administrator may upload. */
  DATASET_EDITION_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  TRUST_PROXY: bool.default(false),
  AUDIT_SIGNING_KEY: z.string().optional(),
  AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).default(100),
  /** Where e-mail goes, e.g. smtp://user:pass@mail.example.com:587 (smtps:// for TLS); unset: no e-mail. */
  SMTP_URL: z.string().url('SMTP_URL must be a URL such as smtp://user:pass@host:587').optional(),
  MAIL_FROM: z.string().default('Clearsource <no-reply@clearsource.invalid>'),
  /** The address people reach the dashboard at, for links in e-mails; default http://HOST:PORT. */
  PUBLIC_URL: z.string().url('PUBLIC_URL must be a URL such as https://clearsource.example.com').optional(),
  /** 32 bytes, base64: seals links waiting in the outbox; generated into DATA_DIR when unset. */
  LINK_SEALING_KEY: z.string().optional(),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).default(60),
  /** Where uploaded files (evidence) are kept: `local` (DATA_DIR/files) or `s3` (S3-compatible storage). */
  STORAGE_DRIVER: z.enum(['local', 's3'], "STORAGE_DRIVER must be 'local' or 's3'").default('local'),
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'S3_ENDPOINT must be an http(s) URL such as http://minio:9000' })
    .optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** Largest evidence file a supplier or user may upload. */
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Most evidence files one questionnaire may hold (suppliers cannot delete evidence, so a full one stays full). */
  EVIDENCE_MAX_FILES_PER_QUESTIONNAIRE: z.coerce.number().int().min(1).default(100),
  /** Most evidence bytes, all files together, one questionnaire may hold. */
  EVIDENCE_MAX_TOTAL_BYTES_PER_QUESTIONNAIRE: z.coerce
    .number()
    .int()
    .min(1024)
    .default(250 * 1024 * 1024),
  /**
   * How often each API process runs the questionnaire schedule (reminders, recurring questionnaires, expired
   * answers), in minutes; 0 turns it off in this process. Several processes may run it: work is claimed.
   */
  QUESTIONNAIRE_SCHEDULE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  /**
   * An overdue remediation task is escalated by e-mail to the organisation's administrators once it is more
   * than this many days overdue (once per overdue period: shared/src/domain/tasks/schedule.ts).
   */
  TASK_ESCALATION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  /** Serves requests: a role with neither superuser nor BYPASSRLS (README, "Running against PostgreSQL"). */
  databaseUrl: string | undefined;
  /** Owns the tables and runs the migrations; DATABASE_URL when unset (a single-role set-up). */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  seedDemo: boolean;
  demoPassword: string | undefined;
  sessionTtlSeconds: number;
  /** Failed sign-ins per client address and e-mail per window. */
  loginMaxAttempts: number;
  /** Failed sign-ins per client address per window, across e-mails (password spraying). */
  loginMaxAttemptsPerAddress: number;
  loginWindowSeconds: number;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  importMaxBytes: number;
  /** An import commit assesses up to this many suppliers in its request; more go to a background job. */
  importAssessInRequestMax: number;
  /** Suppliers a rescore scores and commits per transaction. */
  rescoreBatch: number;
  datasetEditionMaxBytes: number;
  trustProxy: boolean;
  /** Ed25519 private key (PEM or base64 PEM) signing audit checkpoints; generated into dataDir when unset. */
  auditSigningKey: string | undefined;
  /** A signed checkpoint of the audit chain head is recorded every this many events. */
  auditCheckpointEvery: number;
  /** SMTP server URL; undefined: links are handed to the person who caused the message instead. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Base of links in e-mails, without a trailing slash. */
  publicUrl: string;
  linkSealingKey: string | undefined;
  /** Sends of one message before it is given up (backoff doubles from a minute, capped at an hour). */
  mailMaxAttempts: number;
  invitationTtlSeconds: number;
  passwordResetTtlSeconds: number;
  storage: StorageConfig;
  evidenceMaxBytes: number;
  /** What one questionnaire's evidence may add up to: files and bytes (a refused upload keeps nothing). */
  evidenceQuota: { maxFiles: number; maxTotalBytes: number };
  /** Minutes between runs of the questionnaire schedule in this process; 0: not run here. */
  questionnaireScheduleMinutes: number;
  /** An overdue remediation task is escalated to the administrators when more than this many days overdue. */
  taskEscalationDays: number;
  logLevel: string;
  webDistDir: string;
  migrationsDir: string;
}

/** Where uploaded files live; `createFileStorage` builds the storage from it. */
export type StorageConfig =
  | { driver: 'local' /** DATA_DIR/files */; dir: string }
  | ({ driver: 's3' } & S3StorageOptions);

/** S3 settings are checked only when S3 is chosen: each missing one is named, all at once. */
const storageConfigOf = (e: z.infer<typeof EnvSchema>, dataDir: string): StorageConfig => {
  if (e.STORAGE_DRIVER === 'local') return { driver: 'local', dir: path.join(dataDir, 'files') };
  const required = {
    S3_BUCKET: e.S3_BUCKET,
    S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(required).filter(([, v]) => !v);
  if (missing.length > 0) {
    const lines = missing.map(([name]) => `  ${name}: required when STORAGE_DRIVER=s3`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    driver: 's3',
    endpoint: e.S3_ENDPOINT || undefined,
    region: e.S3_REGION,
    bucket: required.S3_BUCKET as string,
    accessKeyId: required.S3_ACCESS_KEY_ID as string,
    secretAccessKey: required.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  DATABASE_OWNER_URL needs DATABASE_URL (the role that serves requests)',
    );
  }
  return {
    databaseUrl: e.DATABASE_URL || undefined,
    databaseOwnerUrl: e.DATABASE_OWNER_URL || e.DATABASE_URL || undefined,
    dataDir,
    host: e.HOST,
    port: e.PORT,
    seedDemo: e.SEED_DEMO,
    demoPassword: e.DEMO_PASSWORD,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginMaxAttemptsPerAddress: e.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importAssessInRequestMax: e.IMPORT_ASSESS_IN_REQUEST_MAX,
    rescoreBatch: e.RESCORE_BATCH,
    datasetEditionMaxBytes: e.DATASET_EDITION_MAX_BYTES,
    trustProxy: e.TRUST_PROXY,
    auditSigningKey: e.AUDIT_SIGNING_KEY || undefined,
    auditCheckpointEvery: e.AUDIT_CHECKPOINT_EVERY,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL || `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
      /\/+$/,
      '',
    ),
    linkSealingKey: e.LINK_SEALING_KEY || undefined,
    mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
    invitationTtlSeconds: e.INVITATION_TTL_HOURS * 3600,
    passwordResetTtlSeconds: e.PASSWORD_RESET_TTL_MINUTES * 60,
    storage: storageConfigOf(e, dataDir),
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES,
    evidenceQuota: {
      maxFiles: e.EVIDENCE_MAX_FILES_PER_QUESTIONNAIRE,
      maxTotalBytes: e.EVIDENCE_MAX_TOTAL_BYTES_PER_QUESTIONNAIRE,
    },
    questionnaireScheduleMinutes: e.QUESTIONNAIRE_SCHEDULE_MINUTES,
    taskEscalationDays: e.TASK_ESCALATION_DAYS,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.join(PROJECT_ROOT, 'dist/web'),
    migrationsDir: path.join(PROJECT_ROOT, 'migrations'),
  };
};
