import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** The parts of a JSON Schema (as the OpenAPI document carries it) the walkers read. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  exclusiveMinimum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

/** One operation of the document: what a walker needs to call it. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. /api/suppliers/{id}. */
  path: string;
  parameters: Parameter[];
  /** The JSON body schema, when the operation takes one. */
  body?: JsonSchema;
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** Every operation of /api/openapi.json, read from the running app (routes added later are walked too). */
export const loadOperations = async (
  app: FastifyInstance,
): Promise<{ doc: Doc; operations: Operation[] }> => {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  const doc = res.json() as Doc;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const m = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) continue;
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
        ?.content;
      operations.push({
        method: m as Operation['method'],
        path,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema,
      });
    }
  }
  return { doc, operations };
};

/** Follows a local `$ref` (#/components/schemas/X). */
export const deref = (doc: Doc, s: JsonSchema): JsonSchema => {
  if (!s.$ref) return s;
  const name = s.$ref.split('/').pop()!;
  return doc.components?.schemas?.[name] ?? {};
};

const STRING_CANDIDATES = ['BD', 'USD', 'walk', 'a', 'Walk-Through-Passphrase-7'];

/**
 * A value the schema accepts, as far as the document can tell (refinements it does not carry may still
 * refuse it): required properties only, so a body is as small as it can be and each added field is the
 * only thing that changes.
 */
export const exampleOf = (doc: Doc, raw: JsonSchema, depth = 0): unknown => {
  const s = deref(doc, raw);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const branch = (s.anyOf ?? s.oneOf)?.find((b) => deref(doc, b).type !== 'null');
  if (branch) return exampleOf(doc, branch, depth);
  if (s.allOf?.length) return exampleOf(doc, s.allOf[0]!, depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return randomUUID();
      // Unique, so that a create is not refused as a duplicate before a hostile field reaches the database.
      if (s.format === 'email') return `walk-${randomUUID().slice(0, 8)}@example.com`;
      if (s.format === 'date-time') return new Date().toISOString();
      const fits = (v: string) =>
        v.length >= (s.minLength ?? 0) &&
        v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY) &&
        (!s.pattern || new RegExp(s.pattern).test(v));
      return STRING_CANDIDATES.find(fits) ?? 'a'.repeat(s.minLength ?? 1);
    }
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : 0;
      return typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : min;
    }
    case 'boolean':
      return false;
    case 'array':
      return depth > 4 || !s.items
        ? []
        : Array.from({ length: s.minItems ?? 0 }, () => exampleOf(doc, s.items!, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const key of s.required ?? []) {
        const prop = s.properties?.[key];
        if (prop) out[key] = exampleOf(doc, prop, depth + 1);
      }
      return out;
    }
    default:
      return 'walk';
  }
};

/** Paths (as key lists) to every property of a body schema, nested objects and first array items included. */
export const leafPaths = (doc: Doc, raw: JsonSchema, maxDepth = 3, prefix: (string | number)[] = []) => {
  const out: (string | number)[][] = [];
  const s = deref(doc, raw);
  if (prefix.length >= maxDepth) return out;
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const path = [...prefix, key];
    out.push(path);
    const p = deref(doc, prop);
    if (p.properties) out.push(...leafPaths(doc, p, maxDepth, path));
    if (p.items) {
      out.push([...path, 0]);
      const item = deref(doc, p.items);
      if (item.properties) out.push(...leafPaths(doc, item, maxDepth, [...path, 0]));
    }
  }
  return out;
};

/** A copy of `body` with `value` set at `path`, building the objects and arrays on the way. */
export const withValueAt = (
  doc: Doc,
  schema: JsonSchema,
  body: unknown,
  path: (string | number)[],
  value: unknown,
) => {
  const root = structuredClone(body) as Record<string | number, unknown>;
  let node = root;
  let s = deref(doc, schema);
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = typeof key === 'number' ? deref(doc, s.items ?? {}) : deref(doc, s.properties?.[key] ?? {});
    if (typeof node[key] !== 'object' || node[key] === null) {
      node[key] = typeof path[i + 1] === 'number' ? [] : (exampleOf(doc, next) ?? {});
    }
    node = node[key] as Record<string | number, unknown>;
    s = next;
  }
  node[path[path.length - 1]!] = value;
  return root;
};

/** The URL of an operation with its path parameters filled in (values taken as already encoded). */
export const urlOf = (op: Operation, pathValues: Record<string, string>, query = '') => {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? 'x');
  return query ? `${path}?${query}` : path;
};
