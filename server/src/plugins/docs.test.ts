import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDb } from '../../test/db.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { docsPlugin } from './docs.js';
import { TAG_DESCRIPTIONS } from './docs-document.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, read by path in the assertions
type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operationsOf = (doc: Json) =>
  Object.entries(doc.paths as Json).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ where: `${m.toUpperCase()} ${p}`, op: item[m] as Json })),
  );

/** A bare app with only the docs plugin and the routes given: the transforms must handle routes never seen. */
const docsApp = async (addRoutes: (app: FastifyInstance) => void) => {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(docsPlugin, { version: '0.0.0' });
  addRoutes(app);
  return app;
};

describe('routes the docs plugin has never seen', () => {
  it('get an operationId, their security and the standard errors without saying anything', async () => {
    const app = await docsApp((a) => {
      a.get('/api/widgets', async () => []);
      a.post(
        '/api/widgets/:id/frobnicate',
        { schema: { params: z.object({ id: z.uuid() }), body: z.object({ level: z.number() }) } },
        async () => ({}),
      );
      a.get('/api/open', { config: { public: true } }, async () => ({}));
    });
    await app.ready();
    const doc = app.swagger() as Json;
    await app.close();

    const list = doc.paths['/api/widgets'].get;
    expect(list.operationId).toBe('listWidgets');
    expect(list.security).toEqual([{ session: [] }, { apiKey: [] }]);
    expect(Object.keys(list.responses)).toEqual(['200', '401', '403', '429', '500', '503']);

    const action = doc.paths['/api/widgets/{id}/frobnicate'].post;
    expect(action.operationId).toBe('frobnicateWidget');
    expect(action.security).toEqual([{ session: [], csrfToken: [] }, { apiKey: [] }]);
    expect(Object.keys(action.responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '409', '413', '414', '422', '503']),
    );
    expect(action.responses['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorBody',
    });
    expect(action.responses['400'].description).toContain('`validation_failed`');

    const open = doc.paths['/api/open'].get;
    expect(open.operationId).toBe('getOpen');
    expect(open.security).toEqual([]);
    expect(Object.keys(open.responses)).not.toContain('401');
  });

  it('a nullable union says so in each branch (OpenAPI 3.0 allows `nullable` only beside a `type`)', async () => {
    const app = await docsApp((a) => {
      a.get(
        '/api/values',
        { schema: { response: { 200: z.object({ v: z.union([z.string(), z.number()]).nullable() }) } } },
        async () => ({ v: null }),
      );
    });
    await app.ready();
    const doc = app.swagger() as Json;
    await app.close();
    expect(
      doc.paths['/api/values'].get.responses['200'].content['application/json'].schema.properties.v,
    ).toEqual({
      anyOf: [
        { type: 'string', nullable: true },
        { type: 'number', nullable: true },
      ],
    });
  });

  it('refuses to start when two routes derive the same operationId, naming both', async () => {
    const app = await docsApp((a) => {
      a.get('/api/a-b', async () => ({}));
      a.get('/api/a/b', async () => ({}));
    });
    await expect(app.ready()).rejects.toThrow(
      /operationId "getAB" is used by both GET \/api\/a-b and GET \/api\/a\/b/,
    );
    await app.close();
  });

  it('refuses to start when two routes set the same explicit operationId', async () => {
    const app = await docsApp((a) => {
      a.get('/api/one', { schema: { operationId: 'fetchThing' } }, async () => ({}));
      a.get('/api/two', { schema: { operationId: 'fetchThing' } }, async () => ({}));
    });
    await expect(app.ready()).rejects.toThrow(/operationId "fetchThing"/);
    await app.close();
  });

  it('an explicit operationId wins over the derived one', async () => {
    const app = await docsApp((a) => {
      a.get('/api/things', { schema: { operationId: 'browseThings' } }, async () => []);
    });
    await app.ready();
    expect((app.swagger() as Json).paths['/api/things'].get.operationId).toBe('browseThings');
    await app.close();
  });
});

describe('the OpenAPI document of the whole API', () => {
  let database: Database;
  let app: FastifyInstance;
  let doc: Json;
  beforeAll(async () => {
    database = await openTestDb();
    const config = loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' });
    app = await buildApp({ config, database, serveWeb: false, logger: false });
    await app.ready();
    doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Warnings accepted from Redocly's recommended rules, each with its reason. Anything else fails. */
  const ALLOWED_WARNINGS: Record<string, string> = {
    // The product is proprietary: its licence has a name but no public URL to point to.
    'info-license-strict': 'no public licence URL',
  };

  it("passes Redocly's recommended rules: no error, no warning outside the allow-list", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const found = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`);
    expect(found.filter((f) => f.startsWith('error'))).toEqual([]);
    const warnings = problems.filter((p) => p.severity === 'warn' && !(p.ruleId in ALLOWED_WARNINGS));
    expect(warnings.map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`)).toEqual([]);
  });

  it('every operation has a unique operationId, its security, a 4xx in the shared error shape', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(30);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, op } of ops) {
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(op.security, where).toBeDefined();
      const errors = Object.entries(op.responses as Json).filter(([s]) => s >= '400' && s < '500');
      expect(errors.length, where).toBeGreaterThan(0);
    }
    expect(doc.paths['/api/suppliers'].get.operationId).toBe('listSuppliers');
    expect(
      doc.paths['/api/suppliers/{id}'].patch.responses['409'].content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/ErrorBody',
    });
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('every tag has a description, and every described tag is used', () => {
    const used = new Set(operationsOf(doc).flatMap(({ op }) => op.tags ?? []));
    for (const tag of doc.tags as Json[]) expect(tag.description, tag.name).toBeTruthy();
    expect([...used].sort()).toEqual(Object.keys(TAG_DESCRIPTIONS).sort());
  });

  it('generates TypeScript types (openapi-typescript) that a small typed client compiles against', async () => {
    const types = astToString(await openapiTS(doc as OpenAPI3));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-openapi-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.ts'), types);
      fs.writeFileSync(path.join(dir, 'usage.ts'), USAGE);
      const program = ts.createProgram([path.join(dir, 'usage.ts')], {
        strict: true,
        noEmit: true,
        noUncheckedIndexedAccess: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts'],
        types: [],
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * What an integrator writes on top of the generated types: one function per operation, typed from the
 * document alone. The `@ts-expect-error` lines prove the types are real (a wrong call must not compile).
 */
const USAGE = `
import type { components, operations } from './api';

type ErrorBody = components['schemas']['ErrorBody'];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
declare function send<T>(method: string, url: string, body?: unknown): Promise<T>;

type ListSuppliers = operations['listSuppliers'];
const listSuppliers = (query: NonNullable<ListSuppliers['parameters']['query']>) =>
  send<Json<ListSuppliers['responses'][200]>>('GET', '/api/suppliers', query);

type GetSupplier = operations['getSupplier'];
const getSupplier = (id: GetSupplier['parameters']['path']['id']) =>
  send<Json<GetSupplier['responses'][200]>>('GET', '/api/suppliers/' + id);

type Login = operations['login'];
const login = (body: Json<Login['requestBody']>) =>
  send<Json<Login['responses'][200]>>('POST', '/api/auth/login', body);

export const run = async () => {
  const session = await login({ email: 'officer@example.test', password: 'a long pass phrase' });
  const csrf: string = session.csrfToken;
  const page = await listSuppliers({ q: 'acme', limit: 10 });
  const total: number = page.total;
  const first = page.items[0];
  const supplier = first ? await getSupplier(first.id) : undefined;
  const name: string | undefined = supplier?.name;
  const failed = {} as Json<operations['updateSupplier']['responses'][409]>;
  const body: ErrorBody = failed;
  const code: ErrorBody['error']['code'] = body.error.code;
  // @ts-expect-error limit is a number
  await listSuppliers({ limit: 'ten' });
  // @ts-expect-error the login body needs a password
  await login({ email: 'officer@example.test' });
  // @ts-expect-error not an error code of the API
  const wrong: ErrorBody['error']['code'] = 'no_such_code';
  return { csrf, total, name, code, wrong };
};
`;
