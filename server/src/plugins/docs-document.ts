import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { deriveOperationId } from './docs-operation-id.js';

/**
 * The part of the OpenAPI document decided once the whole document is built: operationIds (which must be
 * unique across all routes), tags with their descriptions, and the fixes the generated schemas need.
 */

/** One line per tag, shown as the sections of /docs. A new module adds its tag here. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  system: 'Liveness and the state of the database',
  auth: 'Signing in and out, the current session and its CSRF token, switching organisation',
  users: 'The members of the organisation and their roles (administrators)',
  'api-keys': 'Organisation API keys for integrations: created once, shown once, revocable (administrators)',
  audit: 'The append-only, hash-chained audit trail of every change, and its verification',
  suppliers: 'The supplier register: production sites, their tiers and parents, CSV import and export',
  assessments: 'Risk assessments of a supplier under a published policy, each with its full breakdown',
  policies: 'Scoring policies: drafts, publication (which rescores the portfolio) and what-if runs',
  'publish-requests':
    "Four-eyes publishing: asking a second administrator to approve a draft's publication, approving, rejecting or withdrawing, and the organisation's rule",
  'reference-data': 'The published risk datasets the scoring uses, with their editions and sources',
  datasets:
    'Dataset editions: the shipped ones, and new editions an administrator loads (CSV or XLSX), their diff against the edition in use, and which policies pin them',
  jobs: 'Background work of the organisation (portfolio rescoring) and its progress',
  templates:
    'Questionnaire templates: drafts edited in the builder, published as numbered immutable versions, imported and exported as JSON',
  assignments:
    'Questionnaires sent to suppliers: one per supplier, pinned to the template version sent, with status, progress and its secret link (revoke, re-issue)',
  findings:
    'Findings a supplier’s accepted answers opened (poorly controlled criteria, red flags), with severity and citation',
  dashboard:
    'The executive dashboard: KPIs and chart series of the supply chain (ratings, spend, coverage, questionnaires, remediation, red flags, risk trend, burn-down), filtered by tag, country, tier and goods',
  tasks:
    'Remediation tasks: corrective actions from findings or by hand, moved through one transitions table to a verified close (or an administrator’s time-limited risk acceptance), with thread, evidence and bulk actions',
  portal:
    'The supplier portal, reached with a secret link and no account: the one questionnaire, autosaved answers with versions, language, submit; the supplier’s remediation tasks (comment, evidence, mark done)',
  mail: 'The e-mail outbox: invitations, password resets and questionnaire links, and how each delivery went',
  reports:
    'Issued reports (supplier assessment, portfolio risk, modern-slavery statement drafts): the register with SHA-256, who and when, the PDF (and DOCX/Markdown drafts), and the public check of a copy',
  'account-links':
    'Single-use links to set a password (invitations and resets): what a link opens, and spending it (no sign-in)',
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every operation of the document with its method and path, in document order. */
const operationsOf = (doc: Json) => {
  const out: { method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) out.push({ method, path, op });
    }
  }
  return out;
};

/** Explicit ids stay; the others are derived. Two operations with one id make the document unusable: refuse. */
const assignOperationIds = (doc: Json) => {
  const seen = new Map<string, string>();
  for (const { method, path, op } of operationsOf(doc)) {
    if (typeof op.operationId !== 'string') op.operationId = deriveOperationId(method, path);
    const id = op.operationId as string;
    const where = `${method.toUpperCase()} ${path}`;
    const other = seen.get(id);
    if (other) {
      throw new Error(
        `OpenAPI: operationId "${id}" is used by both ${other} and ${where}; give one of them its own ` +
          '`schema.operationId`',
      );
    }
    seen.set(id, where);
  }
};

/** Every tag used, in the order first used, with its description. */
const tagsOf = (doc: Json) => {
  const names = new Set<string>();
  for (const { op } of operationsOf(doc)) {
    for (const t of Array.isArray(op.tags) ? op.tags : []) if (typeof t === 'string') names.add(t);
  }
  return [...names].map((name) =>
    TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name },
  );
};

/**
 * A zod record keyed by an enum (`z.record(RatingSchema, X)`) becomes, for OpenAPI 3.0 (no `propertyNames`),
 * an object that requires the enum's keys without defining them. Define each as the record's value schema.
 */
const defineRecordKeys = (node: unknown): void => {
  if (Array.isArray(node)) {
    for (const n of node) defineRecordKeys(n);
    return;
  }
  if (!isObject(node)) return;
  const { required, additionalProperties } = node;
  if (Array.isArray(required) && isObject(additionalProperties)) {
    const properties = isObject(node.properties) ? node.properties : {};
    for (const key of required) {
      if (typeof key === 'string' && !(key in properties)) properties[key] = additionalProperties;
    }
    node.properties = properties;
  }
  for (const child of Object.values(node)) defineRecordKeys(child);
};

/**
 * A nullable union (`z.union([z.string(), z.number()]).nullable()`) becomes `anyOf` with `nullable` beside
 * it, which OpenAPI 3.0 allows only next to a `type`. Say the same thing validly: each branch may be null.
 */
const nullableIntoBranches = (node: unknown): void => {
  if (Array.isArray(node)) {
    for (const n of node) nullableIntoBranches(n);
    return;
  }
  if (!isObject(node)) return;
  if (node.nullable === true && node.type === undefined && Array.isArray(node.anyOf)) {
    node.anyOf = node.anyOf.map((branch) =>
      isObject(branch) && branch.type !== undefined ? { ...branch, nullable: true } : branch,
    );
    delete node.nullable;
  }
  // A discriminated union comes out as `oneOf`, whose branches must not overlap: only its first may be null.
  if (node.nullable === true && node.type === undefined && Array.isArray(node.oneOf)) {
    const first = node.oneOf.findIndex((branch) => isObject(branch) && branch.type !== undefined);
    if (first >= 0) {
      node.oneOf = node.oneOf.map((branch, index) =>
        index === first && isObject(branch) ? { ...branch, nullable: true } : branch,
      );
      delete node.nullable;
    }
  }
  for (const child of Object.values(node)) nullableIntoBranches(child);
};

const SCHEMA_REF = '#/components/schemas/';

/**
 * An optional reference to a registered schema (`ConditionSchema.optional()`) comes out as `allOf` with the
 * `$ref` alone in it, which Redocly flags as an illogical composition: it says exactly the `$ref`.
 */
const unwrapLoneAllOf = (node: unknown): void => {
  if (Array.isArray(node)) {
    for (const n of node) unwrapLoneAllOf(n);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    if (
      isObject(child) &&
      Object.keys(child).length === 1 &&
      Array.isArray(child.allOf) &&
      child.allOf.length === 1 &&
      isObject(child.allOf[0]) &&
      typeof child.allOf[0].$ref === 'string'
    ) {
      node[key] = child.allOf[0];
    }
    unwrapLoneAllOf(node[key]);
  }
};

/** The component names that `node` refers to. */
const refsIn = (node: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(node)) for (const n of node) refsIn(n, into);
  else if (isObject(node)) {
    if (typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF))
      into.add(node.$ref.slice(SCHEMA_REF.length));
    for (const child of Object.values(node)) refsIn(child, into);
  }
  return into;
};

/**
 * The zod registry yields each registered schema twice (`X` for responses, `XInput` for requests), used or
 * not. Keep the components an operation reaches, directly or through other components.
 */
const pruneUnusedSchemas = (doc: Json) => {
  const components = isObject(doc.components) ? doc.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const reached = refsIn(doc.paths);
  const queue = [...reached];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const next of refsIn(schemas[name])) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
};

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 0 },
  },
};

/** 429 and 503 answers tell the client when to try again. */
const addRetryAfter = (doc: Json) => {
  for (const { op } of operationsOf(doc)) {
    const responses = isObject(op.responses) ? op.responses : {};
    for (const status of ['429', '503']) {
      const r = responses[status];
      if (isObject(r) && !r.headers) r.headers = RETRY_AFTER;
    }
  }
};

export const documentTransform: SwaggerTransformObject = (input) => {
  // Zod schemas registered with an id (ErrorBody, the recursive SupplierTreeNode) become components first.
  const doc = jsonSchemaTransformObject(input) as Json;
  assignOperationIds(doc);
  defineRecordKeys(doc.paths);
  defineRecordKeys(doc.components);
  nullableIntoBranches(doc.paths);
  nullableIntoBranches(doc.components);
  unwrapLoneAllOf(doc.paths);
  unwrapLoneAllOf(doc.components);
  addRetryAfter(doc);
  pruneUnusedSchemas(doc);
  doc.tags = tagsOf(doc);
  return doc;
};
